// KenshuXML: see docs/architecture.md.

