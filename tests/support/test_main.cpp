// The one doctest main shared by every test executable.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

#include "platform/i18n.hpp"

int main(int argc, char** argv) {
    // Tests read English whatever this machine's language (LANGUAGE=en reaches the fieldkit
    // processes they start too); the tests of the other languages switch on purpose.
    setenv("LANGUAGE", "en", 1);
    fk::i18n::Init(FK_LOCALE_DIR);
    return doctest::Context(argc, argv).run();
}
