#ifndef KENSHU_CLIBXML2_SHIM_H
#define KENSHU_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; Foundation ships its own ICU headers and the two clash
// ("'UErrorCode' has different definitions"). Kenshu never uses libxml2's ICU encoders,
// so hide them before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xinclude.h>
#include <libxml/xmlIO.h>
#include <libxml/parserInternals.h>

/// `xmlFree` is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void kenshu_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
