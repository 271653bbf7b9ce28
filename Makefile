# recoupe -- plain Makefile.  `make help` lists the targets.
#
#   make            library + CLI (build/librecoupe.a, build/recoupe)
#   make deps       install the Debian packages recoupe needs (apt-get)
#   make run        deps + build + run recoupe on examples/ into out/
#   make test       deps + build + every test (unit, CLI, fuzz replay)
#   make asan       the same suite under AddressSanitizer + UBSan
#   make fuzz       libFuzzer targets (clang), run each for FUZZ_SECONDS
#   make bench      benchmarks (read ../shared/data; never pass/fail)

CC      ?= cc
CXX     ?= c++
BUILD   ?= build
SAN     ?=
OPT     ?= -O2

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wcast-qual -Wwrite-strings -Wformat=2 -Wvla -Wundef -Wpointer-arith \
       -Wimplicit-fallthrough
ifeq ($(CI),true)
WARN += -Werror
endif

PKG_CFLAGS := $(shell pkg-config --cflags uchardet 2>/dev/null)
CPPFLAGS += -Iinclude -Isrc -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(PKG_CFLAGS)
CFLAGS   += -std=c17 $(OPT) -g $(WARN) -fvisibility=hidden -pthread $(SAN)
CXXFLAGS += -std=c++17 $(OPT) -g -Wall -Wextra -fvisibility=hidden $(SAN)
LDLIBS   += -lmodest -lutf8proc -lstemmer -lcld2 -ljansson -lsqlite3 -lmicrohttpd \
            -luchardet -lz -lstdc++ -lpthread -lm
LDFLAGS  += $(SAN)

LIB_SRC  := $(sort $(wildcard src/*.c))
LIB_CXX  := $(sort $(wildcard src/*.cc))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(LIB_CXX:%.cc=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
DEPS     := $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

.PHONY: all lib cli test check unit asan fuzz fuzz-replay bench deps run clean help valgrind
all: lib cli

lib: $(BUILD)/librecoupe.a
cli: $(BUILD)/recoupe

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/librecoupe.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/recoupe: $(CLI_OBJ) $(LIB_OBJ)
	$(CC) $(LDFLAGS) -pthread -o $@ $(CLI_OBJ) $(LIB_OBJ) $(LDLIBS)

# Unit tests: every tests/test_*.c declares suites with TEST_SUITE(name);
# the list is generated so that adding a file needs no edit elsewhere.
$(BUILD)/tests/suites.h: $(TEST_SRC)
	@mkdir -p $(dir $@)
	@grep -ho '^TEST_SUITE([a-z0-9_]*)' $(TEST_SRC) | sed 's/^TEST_SUITE(\(.*\))/X(\1)/' > $@.tmp
	@cmp -s $@.tmp $@ 2>/dev/null && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/tests/main.o: $(BUILD)/tests/suites.h
$(BUILD)/tests/main.o: CPPFLAGS += -I$(BUILD)/tests

$(BUILD)/unit: $(TEST_OBJ) $(LIB_OBJ)
	$(CC) $(LDFLAGS) -pthread -o $@ $(TEST_OBJ) $(LIB_OBJ) $(LDLIBS)

# Fuzz targets replayed over their corpus (gcc; no libFuzzer needed).
$(BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -o $@ fuzz/replay.c $< $(LIB_OBJ) $(LDLIBS)

FUZZ_REPLAY := $(FUZZ_SRC:fuzz/fuzz_%.c=$(BUILD)/fuzz/replay_%)

deps:
	@sh scripts/deps.sh

unit: $(BUILD)/unit
check: all $(BUILD)/unit $(FUZZ_REPLAY)
	@sh tests/run.sh $(BUILD)

# `make test` installs what is missing first (quietly when nothing is).
test:
	@sh scripts/deps.sh --check-or-install
	@$(MAKE) --no-print-directory check

asan:
	@sh scripts/deps.sh --check-or-install
	@$(MAKE) --no-print-directory check BUILD=build-asan OPT=-O1 \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

valgrind: $(BUILD)/unit
	valgrind --error-exitcode=1 --leak-check=full $(BUILD)/unit

# libFuzzer builds need clang; FUZZ_SECONDS per target (default 60);
# FUZZ_TARGETS="ingest extract" to run only those.
FUZZ_SECONDS ?= 60
fuzz:
	@sh scripts/deps.sh --check-or-install
	@sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: all
	@sh bench/run.sh

run:
	@sh scripts/deps.sh --check-or-install
	@$(MAKE) --no-print-directory all
	@rm -f out/recoupe.db
	@mkdir -p out
	./$(BUILD)/recoupe run --db out/recoupe.db --out out examples/
	@echo
	@echo "Digest written: out/stories.md (Markdown), out/index.html (open it in a browser),"
	@echo "                out/stories.json (the JSON contract).  Store: out/recoupe.db"
	@echo "Browse it:      ./$(BUILD)/recoupe serve --db out/recoupe.db   (then http://127.0.0.1:8080/)"

clean:
	rm -rf build build-asan build-fuzz out

help:
	@sed -n '1,12p' Makefile

-include $(DEPS)
