"""What the organisation's own help network reveals (issue 17): knowledge risks, connectors
and the unsung, silos and unanswered pairs of teams, and the team-to-team picture.

    build.py    one streamed pass over storage, folded (flows.py, teams.py) and measured
    measures.py the measures, networkx for the team graph
    view.py     what one viewer may see of it (bot.visibility decides)
    outline.py  text and CSV; picture.py the PNG
    service.py  cached between runs; tell.py the monthly DM to admins
"""
