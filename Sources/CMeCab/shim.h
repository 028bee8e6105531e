#ifndef KENSHU_CMECAB_SHIM_H
#define KENSHU_CMECAB_SHIM_H

// MeCab, the Japanese morphological analyser (Debian: libmecab-dev, dictionary
// mecab-ipadic-utf8). Kenshu uses its C API only, from KenshuEvaluation's MeCabTagger.
#include <mecab.h>

#endif
