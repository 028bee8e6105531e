// KenshuRosters: see docs/architecture.md.
import KenshuModel
