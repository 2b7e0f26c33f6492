#define BOOST_TEST_MODULE careermap engine
#include <boost/test/unit_test.hpp>
