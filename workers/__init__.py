"""Workers: profiles, ranked matches, offers, rights and grievances."""
