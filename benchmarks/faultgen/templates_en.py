"""English article templates: news prose, headings, lists, and the traps that must be kept."""

from __future__ import annotations

from types import MappingProxyType

from .model import Language

TRAPS = MappingProxyType({
    # prose that only mentions cookies, photos, shares, subscribers, a privacy policy
    "cookie": (
        "The bakery near {city} station sold {big} cookies on its first weekend, and the queue "
        "stretched around the block.",
        "Regulators fined {company} {amount} million euros for placing advertising cookies "
        "without consent, the authority said on {weekday}.",
        "Cookies, cakes and bread made up most of the stall’s sales, {name} said.",
    ),
    "photo": (
        "A photo taken by {name} in {year} shows the square packed with protesters.",
        "The photographer, who asked not to be named, said she took more than {big} pictures "
        "that night.",
        "Photos shared by residents showed cars half-submerged on the main road into {city}.",
    ),
    "shares": (
        "Shares in {company} rose {pct}% on {weekday} after the results beat expectations.",
        "The post was shared more than {big} times within an hour of going online.",
    ),
    "subscribers": (
        "The channel, which has {big} subscribers, stopped posting in {month}.",
        "The newspaper lost {pct}% of its subscribers last year, according to {org}.",
    ),
    "privacy": (
        "{company} changed its privacy policy in {month} after complaints from users in {city}.",
        "Under the new privacy policy, data will be deleted after {n} months, {name} said.",
    ),
    # the words of a banner or a page control, quoted or used in an ordinary sentence
    "banner_quote": (
        "Visitors were greeted by a pop-up reading “We use cookies to improve your experience”, "
        "which the regulator called misleading.",
        "“Accept all or leave is not a real choice,” {name} said of the consent screens used "
        "by {company}.",
        "The booking page simply said “Please enable JavaScript”, leaving users of older phones "
        "unable to buy tickets.",
    ),
    "chrome_word": (
        "Advertising revenue at {company} fell {pct}% in the second quarter.",
        "Print sales of the magazine have halved since {year}.",
        "Back in {year}, the town had only one doctor and no pharmacy.",
        "Related costs, including insurance and storage, rose by {pct}%.",
        "Email records seen by reporters show the warning was ignored for {n} weeks.",
        "Copyright disputes between {company} and musicians have dragged on since {year}.",
    ),
    "date_led": (
        "Published in {year}, the novel sold {big} copies in its first month.",
        "Updated figures released on {weekday} show {big} homes still without power.",
        "{n} minutes later, the first fire engines arrived.",
        "On {d} {month} {year}, the council voted to close the plant.",
    ),
    "short_quote": (
        "“It’s over,” {name} said.",
        "“We will rebuild,” said {name}.",
        "“Not today,” the {job} replied.",
    ),
})

EN = Language(
    code="en",
    first=("James", "Maria", "José", "Zoë", "Renée", "Ahmed", "Chloé", "Björn", "Priya", "Tom",
           "Sarah", "David", "Léa", "Chen", "Fatima", "Oliver", "Grace", "Mateo", "Aoife", "Raúl"),
    last=("Smith", "Müller", "O’Brien", "Nuñez", "Patel", "Okafor", "Johnson", "Kowalski",
          "García", "Nguyen", "Brown", "Lefèvre", "Wright", "Hughes", "Dubois", "Walker"),
    city=("Leeds", "Bristol", "Manchester", "Cardiff", "Glasgow", "Dublin", "Boston", "Denver",
          "Toronto", "Auckland", "Perth", "São Paulo", "Montréal", "Zürich", "Kraków"),
    org=("the Office for National Statistics", "the World Health Organization",
         "the regional transport authority", "the central bank", "the university hospital",
         "the Institute for Fiscal Studies", "the city council", "the national weather service"),
    company=("Northwind Energy", "Halden Foods", "BrightRail", "Corvex Systems", "Atlas Motors",
             "Meridian Bank", "Greenleaf Pharma", "Kestrel Airlines", "Nexa Telecom"),
    title=("spokesperson", "chief executive", "director", "head of research", "chair",
           "finance director", "press officer"),
    job=("teacher", "nurse", "bus driver", "shop owner", "retired farmer", "student", "engineer",
         "electrician", "café owner"),
    weekday=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    month=("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    sentences=(
        "{name}, the {title} of {company}, said on {weekday} that the plan would be reviewed "
        "before the end of {month}.",
        "The council in {city} approved the budget by {n2} votes to {n} after a debate that "
        "lasted well into the evening.",
        "According to figures released by {org}, prices rose {pct}% in {month}, the fastest "
        "pace since {year}.",
        "“We’re not there yet,” {name} told reporters outside the building, adding that talks "
        "would resume next week.",
        "Residents of {city} have complained for years about delayed trains, crowded platforms "
        "and broken lifts.",
        "{company} employs about {big} people in the region and opened its first factory there "
        "in {year}.",
        "The project, first proposed in {year}, is expected to cost around {amount} million "
        "euros.",
        "Critics argue that the rules favour large firms, while supporters say they protect "
        "smaller suppliers in towns like {city}.",
        "{name} grew up in {city} and studied engineering before joining {company} as a trainee.",
        "Attendance at the festival reached {big} visitors on the opening weekend, organisers "
        "said.",
        "The survey of {big} households found that one in {n} families had cut spending on "
        "food since {month}.",
        "Analysts at {org} expect growth of {pct}% next year, slightly below earlier forecasts.",
        "Schools in {city} will remain closed until {weekday} while engineers inspect the "
        "damaged roofs.",
        "Negotiators met for {n} hours on {weekday} without reaching an agreement on pay.",
        "The museum’s new wing, designed by {name}, will house {big} objects from the permanent "
        "collection.",
        "{name} scored twice in the second half as {city} won {g1}–{g2} at home.",
        "Scientists at {org} said the results still need to be confirmed by independent teams.",
        "Farmers near {city} say the dry spring has cut their harvest by almost {pct}%.",
        "The ministry said it had received more than {big} applications since the scheme opened "
        "in {month}.",
        "{name} declined to comment on the investigation when contacted on {weekday}.",
        "Construction is scheduled to begin in {month} and should take about {n} years.",
        "The new line will connect {city} with the airport in under {n2} minutes.",
        "Officials in {city} insist the changes are temporary and will be reviewed after {n} "
        "months.",
        "Volunteers handed out blankets and hot drinks to those waiting outside the station in "
        "{city}.",
        "The agreement still needs the approval of the regional parliament, which meets again "
        "in {month}.",
        "In a statement, {company} said it “regrets the disruption” and promised refunds to "
        "affected customers.",
        "{name}, a {job} from {city}, said the decision had come as a complete surprise.",
        "Unemployment in the region fell to {pct}%, its lowest level since {year}.",
        "The orchestra will perform {n} concerts in {city} before touring abroad in {month}.",
        "Police said {n} people were treated for minor injuries and that nobody was arrested.",
        "Researchers followed {big} patients over {n} years to measure the effect of the "
        "treatment.",
        "The bridge, closed since {year}, reopened to cyclists and pedestrians on {weekday}.",
        "A café au lait in central {city} now costs {price} euros — almost double the price in "
        "{year}.",
        "{name} and {name2} spent {n} months preparing the exhibition, which opens on {weekday}.",
        "The storm brought down trees across {city}, and about {big} homes lost power overnight.",
        "Its owners, {company}, have promised to keep the site open for at least {n} more years.",
        "Temperatures reached {temp}°C on {weekday}, well above the average for {month}.",
    ),
    headlines=(
        "{city} approves new budget after a long night of debate",
        "Prices rise {pct}% as energy costs keep climbing",
        "{company} to open a new plant near {city}",
        "Why {city}’s trains keep running late",
        "{org} warns of slower growth next year",
        "Floods leave {big} homes without power in {city}",
        "{name} named new {title} of {company}",
        "Museum in {city} reopens after {n} years of works",
        "Strike talks collapse as {company} rejects pay offer",
        "How a small town near {city} became a cycling hub",
    ),
    headings=("Background", "What happens next", "Reaction", "A long road", "The numbers",
              "Why it matters", "Local concerns", "Looking ahead", "A divided town"),
    short=("Nobody was hurt.", "The vote was unanimous.", "That changed in {year}.",
           "It did not last.", "The answer was no.", "Talks continue.", "He disagreed.",
           "She was {n2}.", "Then the rain came.", "Few were convinced."),
    list_intros=("The plan includes:", "Key points of the deal:", "The changes at a glance:",
                 "What the council agreed:"),
    list_items=("{n} new bus routes", "free parking on Sundays", "longer opening hours for "
                "libraries", "a cycle lane along the river", "{big} new homes by {future}",
                "more staff at the hospital", "lower fares for students",
                "a ban on cars near schools", "a new pool in the east of {city}"),
    numbered=("Line {i} will run every {m} minutes from {month}.",
              "Phase {i} of the works will close the road for {n} weeks.",
              "Gate {i} opens at {hour}:00 on match days.",
              "Step {i}: check the form and sign it."),
    captions=("{name} speaks to supporters in {city} on {weekday}.",
              "Firefighters work to contain a blaze near {city}.",
              "Flooded streets in {city} on {d} {month}.",
              "Commuters wait for a train at {city} central station.",
              "A new electric car on display at the motor show in {city}.",
              "Workers at the {company} plant in {city}."),
    traps=TRAPS,
)
