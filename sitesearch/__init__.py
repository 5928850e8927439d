"""Search over articles, films and people: one interface (sitesearch.api), one backend per engine.

Not named `search`: bench/search.py would shadow a top-level `search` package whenever a bench
script runs with bench/ first on sys.path.
"""
