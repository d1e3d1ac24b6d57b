-- Signal descriptions in Dutch beside the English ones: the people who read them (midwives, district teams) work
-- in Dutch. The English column keeps its name `description` (not renamed to description_en), so an instance of the
-- previous build that still runs during a rollout can go on reading the catalogue.
ALTER TABLE signal_type ADD COLUMN description_nl VARCHAR(1000);

UPDATE signal_type SET description_nl = nl.text
FROM (VALUES
    ('financial-debt', 'Betalingsachterstanden of schulden waardoor het gezin voortdurend onder spanning staat.'),
    ('poverty-income', 'Te weinig geld voor het nodigste, zoals babyspullen, eten of de huur; geen werk of geen vast werk.'),
    ('housing', 'Dakloos zijn, een dreigende huisuitzetting, of een huis dat te klein, vochtig of onveilig is voor een baby.'),
    ('domestic-violence', 'Aanwijzingen voor geweld, bedreiging of dwang in huis. Is er acuut gevaar, bel dan meteen Veilig Thuis of 112.'),
    ('relationship', 'Ruzie of spanning met de partner, een (dreigende) scheiding, of een partner die er niet bij betrokken is.'),
    ('psychological', 'Angst, somberheid of andere psychische klachten, nu of eerder, ook angst voor de bevalling.'),
    ('trauma', 'Misbruik of andere ingrijpende ervaringen die zwaar wegen bij de zwangerschap, de bevalling of het ouderschap.'),
    ('addiction', 'Een ouder gebruikt drugs, gokt of heeft een andere verslaving.'),
    ('alcohol', 'Alcohol drinken tijdens de zwangerschap of terwijl er voor een baby gezorgd moet worden.'),
    ('smoking', 'De moeder of haar partner rookt, tijdens de zwangerschap of in de buurt van de baby.'),
    ('low-literacy', 'Moeite met lezen, schrijven of het begrijpen van informatie over gezondheid, of de taal niet goed spreken.'),
    ('intellectual-disability', 'Een ouder met een licht verstandelijke beperking, waardoor het dagelijks leven of de zorg voor een baby zwaarder is.'),
    ('social-network', 'Weinig mensen om op terug te vallen voor praktische hulp of steun rond de geboorte.'),
    ('parenting', 'Zorgen over de voorbereiding op het ouderschap, of ouders die vastlopen in de opvoeding.'),
    ('teen-parent', 'Een ouder jonger dan twintig, die steun kan gebruiken bij school, geld en opvoeden.'),
    ('unplanned-pregnancy', 'Een zwangerschap die niet gepland was, of twijfel over de wens om (nog) een kind te krijgen.'),
    ('newcomer', 'Asielzoeker, statushouder of pas in Nederland, vaak met weinig mensen om zich heen en een vluchtverleden.'),
    ('lifestyle', 'Voeding, gewicht, bewegen of het slikken van foliumzuur vraagt aandacht.')
) AS nl (code, text)
WHERE signal_type.code = nl.code;

-- Local signal types a region added before this migration have only an English description: it stands in for the
-- Dutch one, as it does for a new local type added without one (SignalTypeService.addLocal).
UPDATE signal_type SET description_nl = description WHERE description_nl IS NULL;

ALTER TABLE signal_type ALTER COLUMN description_nl SET NOT NULL;

COMMENT ON COLUMN signal_type.description IS 'English description (API property description)';
COMMENT ON COLUMN signal_type.description_nl IS 'Dutch description (API property descriptionNl)';
