# corpus/scansim/scansim.mk — the scanner simulation (included by corpus/corpus.mk).
#
#   make corpus-scans      corpus/pdf/digital/<id>.pdf -> corpus/pdf/scan-clean/<id>.pdf
#                                                       and corpus/pdf/scan-noisy/<id>.pdf
#                          (each with <id>.pdf.json: per-page rotation, skew, dpi, seal)
#   make corpus-real-scan  table pages of ../shared/real/*.pdf -> corpus/real-scan/ (ignored)
#   make scansim           just the tool, build/corpus/scansim
#
# The seed of every scan is the CRC (cksum) of its id, so the output bytes depend only on
# the input PDF, the id and scansim.c. corpus.mk may set SCANSIM_AFTER to the target that
# writes the digital PDFs, so that scanning runs after it.

SCANSIM       ?= build/corpus/scansim
SCANSIM_PKGS  := lept poppler-glib cairo glib-2.0
SCANSIM_CC    ?= $(CC)
SCANSIM_FLAGS := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
                 -Wmissing-prototypes -O2
SCANSIM_AFTER ?=

.PHONY: scansim corpus-scans corpus-scans-files corpus-real-scan

scansim: $(SCANSIM)

$(SCANSIM): corpus/scansim/scansim.c
	@mkdir -p $(dir $@)
	$(SCANSIM_CC) $(SCANSIM_FLAGS) $$(pkg-config --cflags $(SCANSIM_PKGS)) $< -o $@ \
	  $$(pkg-config --libs $(SCANSIM_PKGS)) -lm

# Which ids get which scan grade. Scanned pages are costly (a 300 dpi gray table page is
# ~250 KB of JPEG, a noisy one ~115 KB) and the committed corpus must stay under 60 MB, so
# by default each id is scanned in one grade: the ids in SCANSIM_CLEAN_IDS in scan-clean,
# every other id in scan-noisy. `make corpus-scans SCANSIM_ALL=1` scans every id in both
# grades (about 80 MB; for local runs, not for committing).
SCANSIM_CLEAN_IDS ?= seed-000 seed-001 seed-003 syn-001 syn-002 syn-003 syn-004 syn-005
SCANSIM_ALL       ?=

# The digital PDFs may be written earlier in the same make run, so the list of scans is
# taken in a sub-make, after SCANSIM_AFTER has run.
corpus-scans: $(SCANSIM) $(SCANSIM_AFTER)
	@$(MAKE) --no-print-directory corpus-scans-files

SCANSIM_IDS   = $(patsubst corpus/pdf/digital/%.pdf,%,$(wildcard corpus/pdf/digital/*.pdf))
SCANSIM_CLEAN = $(if $(SCANSIM_ALL),$(SCANSIM_IDS),$(filter $(SCANSIM_CLEAN_IDS),$(SCANSIM_IDS)))
SCANSIM_NOISY = $(if $(SCANSIM_ALL),$(SCANSIM_IDS),$(filter-out $(SCANSIM_CLEAN_IDS),$(SCANSIM_IDS)))
SCANSIM_WANT  = $(SCANSIM_CLEAN:%=corpus/pdf/scan-clean/%.pdf) \
                $(SCANSIM_NOISY:%=corpus/pdf/scan-noisy/%.pdf)
# scans of ids no longer selected (or no longer in the corpus) are removed
SCANSIM_STALE = $(filter-out $(SCANSIM_WANT),$(wildcard corpus/pdf/scan-clean/*.pdf \
                  corpus/pdf/scan-noisy/*.pdf))

corpus-scans-files: $(SCANSIM_WANT)
	@$(if $(strip $(SCANSIM_STALE)),rm -f $(foreach f,$(SCANSIM_STALE),$(f) $(f).json))
	@echo "corpus-scans: $(words $(sort $(SCANSIM_WANT))) scans up to date"

scansim_seed = $$(printf '%s' '$(1)' | cksum | cut -d' ' -f1)

# Scans are remade when their digital PDF or the simulator's source changes; a rebuilt
# binary alone (fresh checkout) does not remake them.
corpus/pdf/scan-clean/%.pdf: corpus/pdf/digital/%.pdf corpus/scansim/scansim.c | $(SCANSIM)
	@mkdir -p $(dir $@)
	$(SCANSIM) --grade clean --seed $(call scansim_seed,$*) $< $@

corpus/pdf/scan-noisy/%.pdf: corpus/pdf/digital/%.pdf corpus/scansim/scansim.c | $(SCANSIM)
	@mkdir -p $(dir $@)
	$(SCANSIM) --grade noisy --seed $(call scansim_seed,$*) $< $@

# Scans of the table pages of the real reports (no truth: scored against the program's
# reading of the born-digital original). Generated, never committed.
SCANSIM_REAL      ?= ../shared/real
SCANSIM_REAL_OUT  ?= corpus/real-scan
corpus-real-scan: $(SCANSIM)
	@SCANSIM=$(SCANSIM) bash corpus/scansim/real-scan.sh $(SCANSIM_REAL) $(SCANSIM_REAL_OUT)
