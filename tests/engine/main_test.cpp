#define BOOST_TEST_MODULE careermap engine
#include <boost/test/unit_test.hpp>

#include "engine/messages.hpp"

// The build's Japanese catalogue, bound as the program binds it; messages stay English.
struct Messages {
  Messages() { careermap::use_messages(CAREERMAP_LOCALE_DIR, careermap::Lang::en); }
};
BOOST_TEST_GLOBAL_FIXTURE(Messages);
