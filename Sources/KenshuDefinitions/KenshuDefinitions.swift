// KenshuDefinitions: see docs/architecture.md.
import KenshuModel
