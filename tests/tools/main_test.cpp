#define BOOST_TEST_MODULE careermap tools
#include <boost/test/unit_test.hpp>
