"""Building blocks of the offline demo data set: places, employers, roles and wordings with their truth.

`demo.generate_ads` drives them; nothing here does I/O.
"""
