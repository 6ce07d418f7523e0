"""The Home tab's kudos section (listed in `handlers.surfaces.home.HOME_SECTIONS`)."""

from __future__ import annotations

from bot.services import Services
from handlers.blocks.elements import Blocks
from handlers.blocks.kudos import render_home_kudos


async def kudos_home_section(services: Services, team_id: str, user_id: str) -> Blocks:
    """Allowance left today, recent kudos received, the leaderboard, a Give kudos button."""
    return render_home_kudos(await services.kudos.home(team_id, user_id))
