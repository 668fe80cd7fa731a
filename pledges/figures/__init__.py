"""The dashboards' figures: summary cells, counted deliveries, lag counts, their upkeep and cache, and the reads
the views call (`reads`, the front door).

Kept free of imports: `pledges.models` imports `figures.models` so that Django registers the figures' models,
and that must not pull in modules that import `pledges.models` back.
"""
