"""Words for players, in English and Spanish (es-MX): names of the factions the game creates,
sentences for events. The model carries ids and enums; this package turns them into text."""
