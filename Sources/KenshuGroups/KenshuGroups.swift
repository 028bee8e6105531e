// KenshuGroups: see docs/architecture.md.
import KenshuModel
