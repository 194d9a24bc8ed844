"""`fjordjobs web`: the local page where the job hunt happens (Today, shortlist, listing, board, contacts).

It is a second face over the same functions as the command line: every query and rule lives in
`matching/`, `hunt/`, `pipeline/` and `warehouse/`; this package only reads requests, calls them and
renders templates. It binds to 127.0.0.1 and fetches nothing from anywhere else.
"""
