#define BOOST_TEST_MODULE careermap end to end
#include <boost/test/unit_test.hpp>
