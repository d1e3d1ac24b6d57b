-- The national catalogue of non-medical signals a professional may notice in the first 1000 days.
-- Regions may add local signal types (region_id set); national ones have region_id NULL.
CREATE TABLE signal_type (
    code        VARCHAR(64)  PRIMARY KEY,
    label_nl    VARCHAR(200) NOT NULL,
    label_en    VARCHAR(200) NOT NULL,
    domain      VARCHAR(32)  NOT NULL CHECK (domain IN ('money', 'housing', 'safety', 'health', 'network', 'skills', 'pregnancy')),
    description VARCHAR(1000) NOT NULL,
    region_id   VARCHAR(64)
);

INSERT INTO signal_type (code, label_nl, label_en, domain, description) VALUES
('financial-debt', 'Schulden', 'Debts', 'money', 'Payment arrears or debts that cause chronic stress in the household.'),
('poverty-income', 'Armoede, werk en inkomen', 'Poverty, work and income', 'money', 'Too little income for basic needs such as baby things, food or rent; no work or unstable work.'),
('housing', 'Huisvesting', 'Housing', 'housing', 'Homelessness, a threatened eviction, or a home that is too small, damp or unsafe for a baby.'),
('domestic-violence', 'Huiselijk geweld, onveilige thuissituatie', 'Domestic violence, unsafe home', 'safety', 'Signs of violence, threat or coercion at home. Acute danger goes to Veilig Thuis or 112 by phone.'),
('relationship', 'Relatieproblemen', 'Relationship problems', 'network', 'Conflict with the partner, a (pending) separation, or a partner who is not involved.'),
('psychological', 'Psychische problemen', 'Psychological problems', 'health', 'Anxiety, depression or other mental health problems, now or in the past, including fear of giving birth.'),
('trauma', 'Trauma of misbruik in het verleden', 'Past trauma or abuse', 'health', 'Experiences of abuse or trauma that weigh on pregnancy, birth or parenthood.'),
('addiction', 'Verslaving', 'Addiction', 'health', 'Use of drugs, gambling or other addictive behaviour by a parent.'),
('alcohol', 'Alcohol', 'Alcohol', 'health', 'Alcohol use during pregnancy or while caring for a baby.'),
('smoking', 'Roken', 'Smoking', 'health', 'Smoking by the mother or her partner, during pregnancy or around the baby.'),
('low-literacy', 'Laaggeletterdheid en beperkte gezondheidsvaardigheden', 'Low literacy and limited health skills', 'skills', 'Difficulty reading, writing or understanding health information, or a language barrier.'),
('intellectual-disability', 'Licht verstandelijke beperking (LVB)', 'Mild intellectual disability', 'skills', 'A mild intellectual disability of a parent that makes daily life or care for a baby harder.'),
('social-network', 'Weinig netwerk, eenzaamheid', 'Little social network, loneliness', 'network', 'Few people to rely on for practical or emotional support around the birth.'),
('parenting', 'Opvoedvaardigheden', 'Parenting skills', 'skills', 'Worries about preparing for or coping with parenthood.'),
('teen-parent', 'Tienerouder', 'Teen parent', 'pregnancy', 'A parent younger than twenty, who may need support with school, income and parenting.'),
('unplanned-pregnancy', 'Onbedoelde zwangerschap', 'Unplanned pregnancy', 'pregnancy', 'A pregnancy that was not planned, or doubt about the wish for (more) children.'),
('newcomer', 'Nieuwkomer, vluchtverleden', 'Newcomer or refugee', 'network', 'Asylum seeker, status holder or recent newcomer, often with a small network and a refugee past.'),
('lifestyle', 'Leefstijl', 'Lifestyle', 'health', 'Nutrition, weight, exercise or folic acid use that needs attention.');
