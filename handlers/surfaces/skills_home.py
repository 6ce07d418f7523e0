"""The Home tab's profile section (apart from `surfaces.skills`, so `home` can import it)."""

from __future__ import annotations

from bot import visibility
from bot.services import Services
from handlers.blocks.elements import Blocks
from handlers.blocks.skills import render_home_profile


async def profile_section(services: Services, team_id: str, user_id: str) -> Blocks:
    view = await services.directory.profile(team_id, user_id, visibility.person(user_id))
    return render_home_profile(view)
