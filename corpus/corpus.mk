# corpus/corpus.mk — `make corpus` and its parts (included by the top Makefile).
#
#   make corpus            deps-corpus, then sources, digital + garbled PDFs with truth, scans
#                          (corpus/scansim/scansim.mk's corpus-scans, when present), MANIFEST.tsv
#   make corpus-sources    corpus/sources/syn-NNN.json from corpus/gen/generate.py (seeded)
#   make corpus-digital    corpus/pdf/digital/<id>.pdf + corpus/truth/<id>.json for every source
#   make corpus-garbled    corpus/pdf/garbled/<id>.pdf (same layout, garbled text layer)
#   make corpus-manifest   corpus/MANIFEST.tsv (id, grade, pdf, truth, pages): digital and garbled
#                          rows for every id, scan-clean/scan-noisy rows for every scan that exists
#
# Every output is deterministic: the same sources give the same bytes. seed-*.json are hand
# transcriptions (never generated here); syn-*.json are rewritten only when their content changes.

CORPUS_SEED    ?= 1
CORPUS_SYN     ?= 14
CORPUS_GEN     := corpus/gen/generate.py
CORPUS_RENDER  := corpus/render/render.py
CORPUS_GRADES  := digital garbled scan-clean scan-noisy

# scansim.mk runs its scans after the digital PDFs exist.
SCANSIM_AFTER  ?= corpus-digital
-include corpus/scansim/scansim.mk

.PHONY: corpus corpus-sources corpus-digital corpus-garbled corpus-manifest corpus-scans

corpus: deps-corpus
	@$(MAKE) --no-print-directory corpus-sources
	@$(MAKE) --no-print-directory corpus-digital corpus-garbled
	@$(MAKE) --no-print-directory corpus-scans
	@$(MAKE) --no-print-directory corpus-manifest

corpus-sources:
	@$(PYTHON) $(CORPUS_GEN) --seed $(CORPUS_SEED) --count $(CORPUS_SYN) --out corpus/sources

CORPUS_IDS = $(sort $(patsubst corpus/sources/%.json,%,\
               $(wildcard corpus/sources/seed-*.json corpus/sources/syn-*.json)))

# Renderings and truth whose source is gone (a smaller CORPUS_SYN, a renamed seed) are removed.
CORPUS_STALE = $(filter-out $(CORPUS_IDS:%=corpus/pdf/digital/%.pdf) $(CORPUS_IDS:%=corpus/pdf/garbled/%.pdf) \
                 $(CORPUS_IDS:%=corpus/truth/%.json), \
                 $(wildcard corpus/pdf/digital/*.pdf corpus/pdf/garbled/*.pdf corpus/truth/*.json))

corpus-digital: $(CORPUS_IDS:%=corpus/pdf/digital/%.pdf)
	@$(if $(strip $(CORPUS_STALE)),rm -f $(CORPUS_STALE))
corpus-garbled: $(CORPUS_IDS:%=corpus/pdf/garbled/%.pdf)
	@$(if $(strip $(CORPUS_STALE)),rm -f $(CORPUS_STALE))

# The digital rendering also writes the truth (shared by every grade of the id).
corpus/pdf/digital/%.pdf: corpus/sources/%.json $(CORPUS_RENDER)
	@mkdir -p corpus/pdf/digital corpus/truth
	$(PYTHON) $(CORPUS_RENDER) $< --variant digital --pdf $@ --truth corpus/truth/$*.json

corpus/pdf/garbled/%.pdf: corpus/sources/%.json $(CORPUS_RENDER)
	@mkdir -p corpus/pdf/garbled
	$(PYTHON) $(CORPUS_RENDER) $< --variant garbled --pdf $@

ifeq ($(wildcard corpus/scansim/scansim.mk),)
corpus-scans:
	@echo "corpus-scans: corpus/scansim/scansim.mk not present; scan grades not generated"
else
# scansim.mk scans each id in one scan grade (size budget); every seed-derived document is
# scanned in both, so that the hand-transcribed reports exist in all four grades.
CORPUS_SEED_IDS   = $(patsubst corpus/sources/%.json,%,$(wildcard corpus/sources/seed-*.json))
CORPUS_SEED_SCANS = $(CORPUS_SEED_IDS:%=corpus/pdf/scan-clean/%.pdf) \
                    $(CORPUS_SEED_IDS:%=corpus/pdf/scan-noisy/%.pdf)
SCANSIM_WANT     += $(CORPUS_SEED_SCANS)
corpus-scans-files: $(CORPUS_SEED_SCANS)
endif

corpus-manifest:
	@$(PYTHON) corpus/render/manifest.py --out corpus/MANIFEST.tsv $(CORPUS_IDS)
