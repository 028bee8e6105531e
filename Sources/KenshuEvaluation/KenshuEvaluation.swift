// KenshuEvaluation: see docs/architecture.md.
import KenshuModel
