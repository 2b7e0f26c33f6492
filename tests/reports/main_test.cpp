#define BOOST_TEST_MODULE careermap reports
#include <boost/test/unit_test.hpp>
