// KenshuSite: see docs/architecture.md.
import KenshuModel
