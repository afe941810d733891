"""Training entry points: ``lagebild train TASK`` -> ``lagebild.training.TASK:main``."""
