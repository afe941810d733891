"""Geoparsing: a local gazetteer, toponym resolution, spatial claims and article focus.

``PlaceStage`` (in :mod:`lagebild.geo.stage`) is the pipeline stage; the
gazetteer is a service object loaded once per process
(:meth:`lagebild.geo.gazetteer.Gazetteer.load`).
"""
