// KenshuTabular: see docs/architecture.md.
import KenshuModel
