#include "i18n.hpp"

#include <cstdlib>

namespace mingle {
namespace {

using Entry = Translator::Entry;

// Every UI string, in English and Danish. Keys are "view.thing". Write the Danish as a Dane says it.
const Entry kStrings[] = {
    // application shell
    {"app.title", "mingle", "mingle"},
    {"app.no_database", "mingle cannot open its database:", "mingle kan ikke åbne sin database:"},
    {"menu.file", "File", "Filer"},
    {"menu.import", "Import participants…", "Importér deltagere…"},
    {"menu.quit", "Quit", "Afslut"},
    {"menu.view", "View", "Vis"},
    {"menu.view_participants", "Participants", "Deltagere"},
    {"menu.view_import", "Import", "Import"},
    {"menu.language", "Language", "Sprog"},
    {"status.ready", "Ready. Everything you type is saved at once.", "Klar. Alt, du skriver, gemmes med det samme."},
    {"common.cancel", "Cancel", "Annullér"},
    {"common.delete", "Delete", "Slet"},
    {"common.undo", "Undo", "Fortryd"},
    {"common.dismiss", "OK", "OK"},

    // events
    {"events.title", "Events", "Arrangementer"},
    {"events.new", "New event", "Nyt arrangement"},
    {"events.new_heading", "New event", "Nyt arrangement"},
    {"events.name_hint", "Name, e.g. Energy Summit 2026", "Navn, fx Energitopmøde 2026"},
    {"events.date_hint", "Date, e.g. 2026-12-03 or 3.12.2026", "Dato, fx 3.12.2026 eller 2026-12-03"},
    {"events.place_hint", "Place", "Sted"},
    {"events.goal_hint", "Your goal for this event", "Dit mål med arrangementet"},
    {"events.create", "Create", "Opret"},
    {"events.none", "No events yet. Create one, or import a participant list.",
     "Ingen arrangementer endnu. Opret et, eller importér en deltagerliste."},
    {"events.no_date", "no date", "ingen dato"},
    {"events.participants", "participants", "deltagere"},
    {"events.details", "The chosen event", "Det valgte arrangement"},
    {"events.saved_as_you_type", "Saved as you type.", "Gemmes, mens du skriver."},
    {"events.name", "Name", "Navn"},
    {"events.date", "Date", "Dato"},
    {"events.date_invalid", "Not a date yet: write it as 2026-12-03 or 3.12.2026.",
     "Ikke en dato endnu: skriv den som 3.12.2026 eller 2026-12-03."},
    {"events.place", "Place", "Sted"},
    {"events.goal", "Goal", "Mål"},
    {"events.goal_help",
     "One sentence: what do you want from this event? A new job, customers, sparring, learning? Who matters "
     "depends on it.",
     "Én sætning: hvad vil du have ud af arrangementet? Et nyt job, kunder, sparring, læring? Hvem der er "
     "vigtig, afhænger af det."},
    {"events.delete", "Delete event…", "Slet arrangement…"},
    {"events.delete_title", "Delete event", "Slet arrangement"},
    {"events.delete_question", "Delete \"%s\"?", "Slet \"%s\"?"},
    {"events.delete_consequence", "Its participant list (%lld) goes; the people stay in mingle.",
     "Deltagerlisten (%lld) forsvinder; personerne bliver i mingle."},

    // participants
    {"participants.title", "Participants", "Deltagere"},
    {"participants.no_event", "Choose an event on the left, or create one.",
     "Vælg et arrangement til venstre, eller opret et."},
    {"participants.goal", "Goal:", "Mål:"},
    {"participants.search_hint", "Search name, e-mail, company, title… (Ctrl+F)",
     "Søg navn, e-mail, virksomhed, titel… (Ctrl+F)"},
    {"participants.showing", "%zu of %zu", "%zu af %zu"},
    {"participants.import", "Import participants…", "Importér deltagere…"},
    {"participants.empty",
     "No participants yet. Import the participant list: an export from Eventbrite, LinkedIn, Luma, Meetup, "
     "Google or Outlook contacts, an Excel sheet saved as CSV, vCards, or a list pasted from a web page or PDF.",
     "Ingen deltagere endnu. Importér deltagerlisten: et udtræk fra Eventbrite, LinkedIn, Luma, Meetup, "
     "Google- eller Outlook-kontakter, et Excel-ark gemt som CSV, vCards eller en liste kopieret fra en "
     "hjemmeside eller PDF."},
    {"participants.first_name", "First name", "Fornavn"},
    {"participants.last_name", "Last name", "Efternavn"},
    {"participants.email", "E-mail", "E-mail"},
    {"participants.company", "Company", "Virksomhed"},
    {"participants.title_column", "Title", "Titel"},
    {"participants.ticket", "Ticket", "Billet"},
    {"participants.phone", "Phone", "Telefon"},
    {"participants.url", "Profile", "Profil"},

    // what a column means
    {"field.detail", "Keep as detail", "Gem som detalje"},
    {"field.ignore", "Ignore", "Ignorér"},
    {"field.first_name", "First name", "Fornavn"},
    {"field.last_name", "Last name", "Efternavn"},
    {"field.full_name", "Full name", "Fulde navn"},
    {"field.email", "E-mail", "E-mail"},
    {"field.company", "Company", "Virksomhed"},
    {"field.title", "Title", "Titel"},
    {"field.phone", "Phone", "Telefon"},
    {"field.url", "Profile URL", "Profil-URL"},
    {"field.ticket_type", "Ticket type", "Billettype"},

    // import
    {"import.title", "Import participants", "Importér deltagere"},
    {"import.no_database", "There is no database to import into.", "Der er ingen database at importere til."},
    {"import.busy", "An import is already running; wait for it to finish.",
     "En import kører allerede; vent til den er færdig."},
    {"import.into_event", "Into the event: %s", "Til arrangementet: %s"},
    {"import.new_event_name", "Name of the new event:", "Navn på det nye arrangement:"},
    {"import.tab_file", "From a file", "Fra en fil"},
    {"import.tab_paste", "Paste a list", "Indsæt en liste"},
    {"import.path", "File", "Fil"},
    {"import.path_hint", "/home/you/Downloads/attendees.csv", "/home/dig/Overførsler/deltagere.csv"},
    {"import.preview_button", "Preview", "Vis først"},
    {"import.file_help",
     "Type a path, pick a file below, or drop it on the window. CSV and TSV (any encoding), vCard (.vcf) "
     "and text lists.",
     "Skriv en sti, vælg en fil herunder, eller træk den ind i vinduet. CSV og TSV (alle tegnsæt), "
     "vCard (.vcf) og tekstlister."},
    {"import.show_all_files", "All files", "Alle filer"},
    {"import.paste_help",
     "One person per line, as copied from a web page or PDF: \"Mette Jensen, Projektleder, Vestas\". "
     "A copied spreadsheet with a header row works too.",
     "Én person per linje, som kopieret fra en hjemmeside eller PDF: \"Mette Jensen, Projektleder, Vestas\". "
     "Et kopieret regneark med overskriftsrække virker også."},
    {"import.history", "Earlier imports into this event", "Tidligere importer til arrangementet"},
    {"import.history_counts", "%lld new, %lld known", "%lld nye, %lld kendte"},
    {"import.undone", "undone", "fortrudt"},
    {"import.previewing", "Preview of %s — check it, correct it, then import.",
     "Forhåndsvisning af %s — tjek, ret til, og importér."},
    {"import.format", "Format", "Format"},
    {"import.format_csv", "CSV / TSV", "CSV / TSV"},
    {"import.format_vcard", "vCard", "vCard"},
    {"import.format_text", "Text list", "Tekstliste"},
    {"import.encoding", "Encoding", "Tegnsæt"},
    {"import.delimiter", "Separator", "Skilletegn"},
    {"import.delimiter_comma", "Comma", "Komma"},
    {"import.delimiter_semicolon", "Semicolon", "Semikolon"},
    {"import.delimiter_tab", "Tab", "Tabulator"},
    {"import.delimiter_pipe", "Vertical bar", "Lodret streg"},
    {"import.header_line", "Header on line %zu", "Overskrift på linje %zu"},
    {"import.columns", "What each column means", "Hvad hver kolonne betyder"},
    {"import.columns_help",
     "Columns you keep as details are stored with the participant (registration answers, order numbers). "
     "mingle remembers your choices for the next file with the same columns.",
     "Kolonner, du gemmer som detaljer, gemmes ved deltageren (tilmeldingssvar, ordrenumre). mingle husker "
     "dine valg til næste fil med de samme kolonner."},
    {"import.mapping_remembered", "(your choices from last time)", "(dine valg fra sidst)"},
    {"import.column", "Column", "Kolonne"},
    {"import.means", "Means", "Betyder"},
    {"import.examples", "Examples", "Eksempler"},
    {"import.unnamed_column", "(column %zu)", "(kolonne %zu)"},
    {"import.preview_heading", "The first %zu rows as they will be imported:",
     "De første %zu rækker, som de bliver importeret:"},
    {"import.preview_problems", "%zu will be skipped", "%zu springes over"},
    {"import.line", "Line", "Linje"},
    {"import.row_skipped", "Skipped: %s", "Springes over: %s"},
    {"import.import_into", "Import into \"%s\"", "Importér til \"%s\""},
    {"import.import_button", "Import", "Importér"},
    {"import.back", "Back", "Tilbage"},
    {"import.running", "Importing %s…", "Importerer %s…"},
    {"import.rows_read", "%llu rows read", "%llu rækker læst"},
    {"import.done_heading", "Imported %s.", "%s er importeret."},
    {"import.done_counts", "%zu rows: %zu new people, %zu people you already had added to the event.",
     "%zu rækker: %zu nye personer, %zu personer, du allerede havde, er føjet til arrangementet."},
    {"import.done_more", "%zu were already on the list, %zu duplicates in the file were merged, %zu empty fields were filled in.",
     "%zu stod allerede på listen, %zu dubletter i filen blev slået sammen, %zu tomme felter blev udfyldt."},
    {"import.done_links", "%zu acquaintances linked from columns such as \"Invited by\".",
     "%zu bekendtskaber koblet fra kolonner som \"Inviteret af\"."},
    {"import.done_other_companies", "%zu people you knew were listed at another company; it is kept in their history.",
     "%zu personer, du kendte, stod på listen med et andet firma; det er gemt i deres historik."},
    {"import.done_skipped", "%zu rows could not become a person and were skipped:",
     "%zu rækker kunne ikke blive til en person og blev sprunget over:"},
    {"import.skipped_line", "Line %zu: %s", "Linje %zu: %s"},
    {"import.skipped_more", "… and %zu more", "… og %zu mere"},
    {"import.show_participants", "Show participants", "Vis deltagere"},
    {"import.undo_this", "Undo this import", "Fortryd denne import"},
    {"import.another", "Import another list", "Importér en liste mere"},
    {"import.undo_title", "Undo import", "Fortryd import"},
    {"import.undo_question", "Undo the import of %s (%s)?", "Fortryd importen af %s (%s)?"},
    {"import.undo_consequence",
     "The %lld people it created go (unless another event lists them), and the %lld known people it added "
     "leave this event.",
     "De %lld personer, den oprettede, forsvinder (medmindre et andet arrangement har dem), og de %lld kendte "
     "personer, den tilføjede, fjernes fra arrangementet."},
    {"import.undone_notice", "The import of %s was undone.", "Importen af %s er fortrudt."},
    // preparing an event: the target board and the rings
    {"menu.view_prep", "Prepare", "Forberedelse"},
    {"menu.view_rings", "Rings", "Ringe"},
    {"common.close", "Close", "Luk"},
    {"circle.central", "Central", "Centralt"},
    {"circle.inner", "Inner circle", "Inderkreds"},
    {"circle.outer", "Outer circle", "Yderkreds"},
    {"circle_short.central", "Central", "Central"},
    {"circle_short.inner", "Inner", "Inder"},
    {"circle_short.outer", "Outer", "Yder"},
    {"relation.inner", "Inner circle", "Inderkreds"},
    {"relation.vip", "VIP", "VIP"},
    {"relation.good", "Good people to know", "Gode at kende"},
    {"relation.card", "Business card only", "Kun visitkort"},
    {"relation.none", "No relationship yet", "Ingen relation endnu"},
    {"role.none", "Role not decided", "Rolle ikke valgt"},
    {"role.info", "Information (company, position, case)", "Information (virksomhed, stilling, sag)"},
    {"role.intermediary", "Intermediary to important people", "Mellemled til vigtige personer"},
    {"role.access", "Direct access", "Direkte adgang"},
    {"prep.title", "Prepare", "Forberedelse"},
    {"prep.goal", "Goal:", "Mål:"},
    {"prep.goal_hint", "One sentence: what do you want from this event?", "Én sætning: hvad vil du have ud af arrangementet?"},
    {"prep.without_plan", "%d without a plan", "%d uden plan"},
    {"prep.all_planned", "Every target has a plan.", "Alle målpersoner har en plan."},
    {"prep.no_targets_yet", "Pick the people who matter for your goal.", "Vælg de personer, der betyder noget for dit mål."},
    {"prep.central_warning", "The central network holds %d. The advice is to start with the five most important.",
     "Det centrale netværk har %d. Rådet er at starte med de fem vigtigste."},
    {"prep.mode_pick", "Pick targets", "Vælg personer"},
    {"prep.mode_pairs", "Introduce others", "Introducér andre"},
    {"prep.search_hint", "Search participants (Ctrl+P)", "Søg blandt deltagerne (Ctrl+P)"},
    {"prep.add_targets", "Add %d", "Tilføj %d"},
    {"prep.pick_help", "%zu shown. Click to pick, Ctrl/Shift+click for several, Enter or double-click adds.",
     "%zu vist. Klik for at vælge, Ctrl/Shift+klik for flere, Enter eller dobbeltklik tilføjer."},
    {"prep.name", "Name", "Navn"},
    {"prep.added", "%d added as targets.", "%d tilføjet som målpersoner."},
    {"prep.pairs_help", "Be a door-opener yourself: people you know here who would gain from meeting each other.",
     "Vær selv døråbner: folk, du kender her, som vil have gavn af at møde hinanden."},
    {"prep.pairs_none",
     "No pairs yet. Set your relationship to the people you know (on the right), and mingle suggests who should meet.",
     "Ingen par endnu. Angiv din relation til dem, du kender (til højre), så foreslår mingle, hvem der bør mødes."},
    {"prep.draft_introduction", "Draft an introduction", "Skriv en introduktion"},
    {"prep.targets", "Targets", "Målpersoner"},
    {"prep.targets_help",
     "Central: the five most important for the goal. Then the inner and the outer circle. Click one to plan.",
     "Centralt: de fem vigtigste for målet. Derefter inderkredsen og yderkredsen. Klik på en for at planlægge."},
    {"prep.targets_empty", "No targets yet: pick them from the participants on the left.",
     "Ingen målpersoner endnu: vælg dem blandt deltagerne til venstre."},
    {"prep.circle", "Circle", "Kreds"},
    {"prep.importance_short", "Imp.", "Vigt."},
    {"prep.plan", "Plan", "Plan"},
    {"prep.editor_empty", "Click a participant or a target to plan for them and see who can introduce you.",
     "Klik på en deltager eller en målperson for at planlægge og se, hvem der kan introducere dig."},
    {"prep.make_target", "Make a target", "Gør til målperson"},
    {"prep.importance", "Importance", "Vigtighed"},
    {"prep.role", "Role", "Rolle"},
    {"prep.ask", "What to ask for", "Hvad vil jeg bede om?"},
    {"prep.ask_hint", "What, concretely, can they help you with?", "Hvad kan personen konkret hjælpe dig med?"},
    {"prep.offer", "What to offer", "Hvad kan jeg tilbyde?"},
    {"prep.offer_hint", "What would they be glad to receive from you?", "Hvad vil personen blive glad for at få fra dig?"},
    {"prep.nurture", "How to nurture", "Hvordan plejer jeg relationen?"},
    {"prep.nurture_hint", "A link, a tip, an introduction, a coffee…", "Et link, et tip, en introduktion, en kop kaffe…"},
    {"prep.remove_target", "Remove as target", "Fjern som målperson"},
    {"prep.removed", "%s is no longer a target; what you know about them is kept.",
     "%s er ikke længere målperson; det, du ved om personen, er gemt."},
    {"prep.door_openers", "Who can introduce you", "Hvem kan introducere dig"},
    {"prep.no_door_openers",
     "No door-opener known yet. Say whom you know (relationship, links, former companies) and mingle finds the way.",
     "Ingen døråbner kendt endnu. Fortæl, hvem du kender (relation, forbindelser, tidligere firmaer), så finder mingle vejen."},
    {"prep.attending", "here", "er her"},
    {"prep.ask_for_introduction", "Ask for an introduction", "Bed om en introduktion"},
    {"prep.memory", "What you know about them", "Det ved du om personen"},
    {"prep.relation", "Your relationship", "Din relation"},
    {"prep.relation_help",
     "Inner circle: family and closest friends. VIP: people who respect and trust you. Good people to know: people you "
     "want to know better. Business card only: nothing to build on yet.",
     "Inderkreds: familie og de nærmeste venner. VIP: folk, der respekterer og stoler på dig. Gode at kende: folk, du "
     "gerne vil kende bedre. Kun visitkort: intet at bygge på endnu."},
    {"prep.recognize", "How to recognise them", "Sådan genkender du personen"},
    {"prep.recognize_hint", "e.g. tall, grey beard, red glasses", "fx høj, gråt skæg, røde briller"},
    {"prep.notes", "Notes", "Noter"},
    {"prep.note_hint", "What did you talk about? (Enter saves)", "Hvad talte I om? (Enter gemmer)"},
    {"prep.add_note", "Add", "Tilføj"},
    {"prep.history", "Former companies and titles", "Tidligere firmaer og titler"},
    {"prep.former_company", "Company", "Firma"},
    {"prep.former_title", "Title", "Titel"},
    {"prep.add_history", "Add", "Tilføj"},
    {"prep.from_list", "from a participant list", "fra en deltagerliste"},
    {"prep.events", "Events you were both at", "Arrangementer, I begge var til"},
    {"prep.knows", "Knows", "Kender"},
    {"prep.link_search", "Who do they know? Search", "Hvem kender personen? Søg"},
    {"prep.link_how", "How (e.g. former colleagues)", "Hvordan (fx tidligere kolleger)"},
    {"prep.link_add", "Knows %s", "Kender %s"},
    {"prep.draft_title", "Draft to copy", "Udkast til at kopiere"},
    {"prep.draft_help", "Adjust it if you like, copy it, and send it from your own mail.",
     "Ret det til, hvis du vil, kopiér det, og send det fra din egen mail."},
    {"prep.copy", "Copy", "Kopiér"},
    {"prep.copied", "Copied to the clipboard.", "Kopieret til udklipsholderen."},
    {"menu.view_bank", "Question bank", "Spørgsmålsbank"},
    {"menu.view_reception", "Reception", "Reception"},
    {"reception.title", "Reception", "Reception"},
    {"reception.met_count", "%d of %d met", "%d af %d mødt"},
    {"reception.no_targets", "No targets for this event yet: choose them in Prepare.",
     "Ingen målpersoner til arrangementet endnu: vælg dem under Forberedelse."},
    {"reception.met", "Met ✓", "Mødt ✓"},
    {"reception.recognize", "Recognise:", "Genkend:"},
    {"reception.ask", "Ask:", "Spørg om:"},
    {"reception.offer", "Offer:", "Tilbyd:"},
    {"reception.door_opener", "Can introduce you, here:", "Kan introducere dig, her:"},
    {"reception.keys", "↑↓ move · N next · M met · C capture · W walk-in · S quiet · Esc leave",
     "↑↓ flyt · N næste · M mødt · C notér · W ny gæst · S stille · Esc tilbage"},
    {"reception.reminder", "%d minutes with this person. Time to circulate?", "%d minutter med samme person. Tid til at cirkulere?"},
    {"reception.next", "Next: %s", "Næste: %s"},
    {"reception.kind_me", "I promised (F1)", "Jeg lovede (F1)"},
    {"reception.kind_them", "They promised (F2)", "De lovede (F2)"},
    {"reception.kind_note", "Note (F3)", "Note (F3)"},
    {"reception.capture_hint", "e.g. send my CV fredag · @Søren sends the report · Enter saves",
     "fx send mit CV fredag · @Søren sender rapporten · Enter gemmer"},
    {"reception.walk_in_name", "Walk-in: name", "Ny gæst: navn"},
    {"reception.walk_in_company", "Company (optional)", "Firma (valgfrit)"},
    {"reception.walk_in_added", "%s added and met.", "%s tilføjet og mødt."},
    {"reception.saved_note", "Note saved.", "Noten er gemt."},
    {"reception.saved_promise", "Saved, due %s.", "Gemt, frist %s."},
    {"reception.no_such_person", "No one called %s here.", "Ingen ved navn %s her."},
    {"bank.title", "Question bank", "Spørgsmålsbank"},
    {"bank.help",
     "The questions mingle suggests, by kind. Add your own (they are saved in your config folder), delete them again, "
     "or use only your own for a kind. Slots: {first_name}, {company}, {title}, {interest}, {event}, {last_topic}, "
     "{door_opener}, {my_goal}, {my_pitch}, {next_name}; a question whose slot is unknown for a person is not used.",
     "De spørgsmål, mingle foreslår, efter slags. Tilføj dine egne (de gemmes i din config-mappe), slet dem igen, eller "
     "brug kun dine egne for en slags. Felter: {first_name}, {company}, {title}, {interest}, {event}, {last_topic}, "
     "{door_opener}, {my_goal}, {my_pitch}, {next_name}; et spørgsmål, hvis felt er ukendt for en person, bruges ikke."},
    {"bank.only_mine", "Use only my own of this kind", "Brug kun mine egne af denne slags"},
    {"bank.yours", "yours", "din"},
    {"bank.new_hint", "A prompt of your own (Enter adds it)", "Dit eget spørgsmål (Enter tilføjer det)"},
    {"bank.add", "Add", "Tilføj"},
    {"bank.kind.opener", "Openers for strangers", "Åbnere til fremmede"},
    {"bank.kind.work", "Work and path", "Arbejde og vej"},
    {"bank.kind.interests", "Their own interests", "Deres egne interesser"},
    {"bank.kind.company", "Company and title", "Virksomhed og titel"},
    {"bank.kind.event", "The event", "Arrangementet"},
    {"bank.kind.follow_up", "Following up on last time", "Opfølgning fra sidst"},
    {"bank.kind.offer_help", "Offers to help", "Tilbud om hjælp"},
    {"bank.kind.self_intro", "Your self-introduction", "Din egen præsentation"},
    {"bank.kind.exit", "Exit lines for circulating", "Exit-replikker, når du cirkulerer"},
    {"prompts.title", "Questions to ask", "Spørgsmål at stille"},
    {"prompts.language", "Talk in", "Tal på"},
    {"prompts.pin", "Pin", "Fastgør"},
    {"prompts.unpin", "Pinned", "Fastgjort"},
    {"prompts.mark_used", "Mark as asked", "Markér som stillet"},
    {"prompts.used", "Asked ✓", "Stillet ✓"},
    {"prompts.none", "No question fits yet: add your own in the question bank (View menu).",
     "Intet spørgsmål passer endnu: tilføj dine egne i spørgsmålsbanken (menuen Vis)."},
    {"prompts.new_set", "New set", "Nye spørgsmål"},
    {"prompts.help",
     "Open questions, filled from what you know about them. Pinned ones stay when you ask for a new set; one you "
     "mark as asked is not offered again with this person at a later event.",
     "Åbne spørgsmål ud fra det, du ved om personen. Fastgjorte bliver stående, når du beder om nye; et spørgsmål, "
     "du markerer som stillet, kommer ikke igen over for personen ved et senere arrangement."},
    {"prompts.self_intro", "Your introduction, to rehearse:", "Din præsentation, til at øve:"},
    {"prompts.exit", "To move on politely:", "Sådan går du høfligt videre:"},
    {"rings.title", "Rings", "Ringe"},
    {"rings.empty", "No targets yet: pick them in Prepare (Ctrl+P).", "Ingen målpersoner endnu: vælg dem under Forberedelse (Ctrl+P)."},
    {"rings.legend", "Colour: your relationship", "Farve: din relation"},
    {"rings.legend_no_plan", "Ring around: no plan yet", "Ring omkring: ingen plan endnu"},
    {"rings.legend_line", "Line: the best door-opener", "Streg: den bedste døråbner"},
    {"rings.click_a_dot", "Click a dot to see the person.", "Klik på en prik for at se personen."},
    {"rings.best_door_opener", "Best door-opener", "Bedste døråbner"},
    {"rings.open_in_prep", "Plan in Prepare", "Planlæg under Forberedelse"},
};

}  // namespace

std::string_view language_code(Language language) { return language == Language::Danish ? "da" : "en"; }

std::optional<Language> parse_language(std::string_view code) {
    if (code == "da" || code == "dansk" || code == "danish") return Language::Danish;
    if (code == "en" || code == "english") return Language::English;
    return std::nullopt;
}

Language language_from_environment() {
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (!value || value[0] == '\0') continue;
        std::string_view locale(value);
        return locale.rfind("da", 0) == 0 ? Language::Danish : Language::English;
    }
    return Language::English;
}

Translator::Translator(Language language) : language_(language) {
    for (const Entry& entry : kStrings)
        strings_.emplace(entry.key, (language == Language::Danish ? entry.danish : entry.english).data());
}

const char* Translator::operator()(std::string_view key) const {
    auto found = strings_.find(key);
    return found != strings_.end() ? found->second : key.data();
}

std::vector<Translator::Entry> Translator::entries() { return {std::begin(kStrings), std::end(kStrings)}; }

}  // namespace mingle
