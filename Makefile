# budget2json: two commands do all the set-up on a fresh Debian machine:
#   make demo    installs what is missing, builds, runs on sample corpus PDFs
#   make check   the same set-up, then every test (plain and under ASan+UBSan)

PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0
PYTHON  ?= /usr/bin/python3
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Every Debian package the build, the tests and the demo need.
DEB_PACKAGES := build-essential pkg-config libglib2.0-dev libpoppler-glib-dev \
  libpoppler-private-dev libcairo2-dev \
  libtesseract-dev tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng libleptonica-dev \
  libpcre2-dev libsqlite3-dev libcjson-dev poppler-utils python3 python3-jsonschema \
  valgrind jq clang libclang-rt-dev time python3-pandas parallel
# What `make corpus` needs beyond that (CI never regenerates the corpus).
CORPUS_PACKAGES := python3-cairo python3-gi python3-gi-cairo gir1.2-pango-1.0 \
  fonts-noto-cjk
# What `make bench` compares against.
BENCH_PACKAGES := ocrmypdf hyperfine

PKGS    := glib-2.0 gio-2.0 poppler-glib cairo lept tesseract libpcre2-8 sqlite3 libcjson
CC      ?= cc
CXX     ?= c++
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-unused-parameter
CFLAGS  ?= -O2 -g
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# tesseract is not linked: ocr/tesseract_lazy.c opens it on first use.
PKG_LIBS   = $(shell pkg-config --libs $(filter-out tesseract,$(PKGS)) poppler 2>/dev/null) -lstdc++ -ldl
# ocr/omp_serial.c runs tesseract's OpenMP regions in the calling thread:
# its entry points are linked in and exported, so libtesseract binds to them
# rather than to libgomp's when it is loaded.
OMP_SERIAL := GOMP_parallel GOMP_parallel_sections GOMP_sections_next GOMP_sections_end_nowait
EXPORT_OMP := $(foreach s,$(OMP_SERIAL),-Wl,--undefined=$(s),--export-dynamic-symbol=$(s))
# extract/vector_ink.cc reads paths through poppler's private C++ API
# (libpoppler-private-dev); its headers are not ours to warn about.
CXXWARN := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
ALL_CXXFLAGS = -std=c++17 $(CXXWARN) $(CFLAGS) -I. -isystem /usr/include/poppler \
               $(shell pkg-config --cflags glib-2.0 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -DB2J_VERSION='"$(VERSION)"' $(WARN) $(CFLAGS) \
             -I. $(PKG_CFLAGS)

# Stage folders, in the order data flows. Each compiles into the library.
STAGES   := ir extract ocr layout normalize interpret validate emit
LIB_SRC  := $(foreach d,$(STAGES),$(wildcard $(d)/*.c))
LIB_CXX  := $(foreach d,$(STAGES),$(wildcard $(d)/*.cc))
CLI_SRC  := $(wildcard pipeline/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)

BUILD ?= build
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(LIB_CXX:%.cc=$(BUILD)/%.o) $(BUILD)/gen/subjects_data.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BIN      := $(BUILD)/budget2json

.PHONY: all deps deps-corpus deps-bench check test test-asan demo eval bench corpus install \
        uninstall clean unit valgrind fuzz fuzz-build
.DELETE_ON_ERROR:

all: $(BIN) $(UNIT_BIN)

deps:
	@missing=$$(for p in $(DEB_PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "deps: all packages present"; fi

deps-corpus:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(CORPUS_PACKAGES)"

deps-bench:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(BENCH_PACKAGES)"

$(BUILD)/%.o: %.c $(wildcard */*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.cc $(wildcard */*.h)
	@mkdir -p $(dir $@)
	$(CXX) $(ALL_CXXFLAGS) -c $< -o $@

# The subject lexicon (data/subjects.tsv) is compiled in.
$(BUILD)/gen/subjects_data.c: data/subjects.tsv tools/tsv2c.sh
	@mkdir -p $(dir $@)
	sh tools/tsv2c.sh data/subjects.tsv > $@

$(BUILD)/gen/subjects_data.o: $(BUILD)/gen/subjects_data.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libbudget2json.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(BUILD)/libbudget2json.a
	$(CC) $(ALL_CFLAGS) $(EXPORT_OMP) -o $@ $(CLI_OBJ) $(BUILD)/libbudget2json.a $(PKG_LIBS) \
	  -lm -lpthread

# The driver's parts, less main(), for the unit tests of pipeline/.
$(BUILD)/libb2jpipeline.a: $(filter-out $(BUILD)/pipeline/main.o,$(CLI_OBJ))
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/tests/%: tests/unit/%.c tests/lib/tap.h $(BUILD)/libb2jpipeline.a $(BUILD)/libbudget2json.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(EXPORT_OMP) -o $@ $< $(BUILD)/libb2jpipeline.a $(BUILD)/libbudget2json.a \
	  $(PKG_LIBS) -lm -lpthread

# The whole suite: unit and end-to-end, then the same under ASan+UBSan.
check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory all BUILD=build-asan CFLAGS="-O1 -g $(SANFLAGS)"
	@B2J_BUILDS="build build-asan" PYTHON=$(PYTHON) bash tests/run-tests.sh

# One pass, no sanitizer build: the quick loop while working.
test: all
	@B2J_BUILDS="build" PYTHON=$(PYTHON) bash tests/run-tests.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@bash tests/demo.sh $(BIN)

valgrind: all
	@bash tests/valgrind.sh $(BIN)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/budget2json
	install -m 644 docs/budget2json.1 $(DESTDIR)$(PREFIX)/share/man/man1/budget2json.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/budget2json $(DESTDIR)$(PREFIX)/share/man/man1/budget2json.1

clean:
	rm -rf build build-asan build-fuzz out

# libFuzzer targets (tests/fuzz/fuzz_*.c), built with clang into build-fuzz/
# against a copy of the library instrumented for coverage. `make fuzz` runs
# each for FUZZ_SECONDS; tests/e2e/t0900-fuzz-short.sh runs each briefly.
FUZZ_SRC     := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SECONDS ?= 600

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CXX=clang++ \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" build-fuzz/libbudget2json.a
	@$(MAKE) --no-print-directory BUILD=build-fuzz $(FUZZ_BIN)

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c build-fuzz/libbudget2json.a
	clang -std=c11 -D_GNU_SOURCE $(WARN) -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) $(EXPORT_OMP) -I. $(PKG_CFLAGS) \
	  -o $@ $< build-fuzz/libbudget2json.a $(PKG_LIBS) -lm -lpthread

fuzz: fuzz-build
	@for f in $(FUZZ_BIN); do \
	  mkdir -p build-fuzz/corpus/$$(basename $$f) && echo "fuzz: $$f for $(FUZZ_SECONDS) s" && \
	  $$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 build-fuzz/corpus/$$(basename $$f) \
	    || exit 1; \
	done

-include corpus/corpus.mk
-include eval/eval.mk
-include bench/bench.mk
