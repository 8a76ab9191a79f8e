"""Consent-banner words in Arabic, Turkish, Ukrainian, Czech, Hindi, Greek and Hungarian.

Built like :mod:`cleanseed.rules.lexicon_eu`: the sentences, titles and button labels of the
common consent platforms (the IAB TCF dialogs, OneTrust, Cookiebot, Didomi) as they are
translated for sites in each language.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.lexicon import Lexicon

__all__ = ["LEXICONS"]

_AR = Lexicon(
    code="ar",
    keyword=r"(?i)ملفات (?:تعريف )?الارتباط|ملفات الكوكيز|الكوكيز|كوكيز|cookies?",
    cue=r"نستخدم|يستخدم (?:هذا )?الموقع|موقعنا|تجربتك|باستمرارك|بمتابعتك|توافق|نحن|الخاصة بك",
    context=(
        r"الموقع|موقع|المتصفح|الخصوصية|تجربة|إعدادات|الإعدادات|سياسة|الإعلانات|شركائنا|جهاز"
        r"|استخدام|بيانات"
    ),
    strong=(
        r"قبول الكل", r"قبول (?:جميع )?ملفات (?:تعريف )?الارتباط", r"رفض الكل",
        r"إعدادات ملفات (?:تعريف )?الارتباط", r"أوافق", r"موافق على الكل",
        r"(?:الملفات )?الضرورية فقط", r"إدارة (?:التفضيلات|الخيارات)",
    ),
    weak=(r"قبول", r"رفض", r"موافق", r"إعدادات", r"إغلاق", r"المزيد من المعلومات", r"تخصيص",
          r"حفظ", r"حسنا", r"حسنًا"),
    tcf=r"تخزين و/أو الوصول إلى (?:المعلومات|معلومات) (?:على|في) (?:الجهاز|جهازك|جهاز)",
    tcf_data=r"جهاز|ملفات (?:تعريف )?الارتباط|بيانات شخصية|معرفات",
    titles=(
        r"نحن نحترم خصوصيتك", r"خصوصيتك تهمنا", r"نحن نهتم بخصوصيتك",
        r"(?:إعدادات|سياسة) ملفات (?:تعريف )?الارتباط", r"إعدادات الخصوصية",
        r"(?:هذا الموقع|موقعنا) يستخدم ملفات (?:تعريف )?الارتباط",
    ),
)

_TR = Lexicon(
    code="tr",
    keyword=r"(?i)çerez|cookie",
    cue=(
        r"(?i)kullanıyoruz|kullanmaktayız|kullanmaktadır|kullanılmaktadır|sitemiz|web sitemiz"
        r"|bu (?:web )?site|deneyiminiz|devam ederek|kabul etmiş|tercihleriniz|size"
    ),
    context=(
        r"(?i)site|tarayıcı|gizlilik|deneyim|ayarlar|politika|reklam|iş ortakları|cihaz"
        r"|kişisel veri|kvkk|aydınlatma"
    ),
    strong=(
        r"tümünü kabul et", r"tüm çerezleri kabul et", r"tümünü reddet",
        r"çerez (?:ayarları|tercihleri)", r"sadece gerekli(?: çerezler)?",
        r"yalnızca gerekli(?: çerezler)?", r"kabul ediyorum", r"çerezleri kabul et",
        r"tercihleri yönet",
    ),
    weak=(r"kabul et", r"reddet", r"ayarlar", r"kapat", r"tamam", r"özelleştir",
          r"daha fazla bilgi", r"kaydet", r"anladım", r"[iİ]zin ver"),
    tcf=(
        r"(?i)bir cihazda(?:ki)? bilgileri (?:depolama|saklama) ve/veya (?:bunlara )?erişme"
        r"|cihazınızda bilgi (?:depolamak|saklamak) ve/veya (?:bu bilgilere )?erişmek"
    ),
    tcf_data=r"(?i)cihaz|çerez|kişisel veri|tanımlayıcı",
    titles=(
        r"gizliliğinize (?:değer veriyoruz|önem veriyoruz|saygı duyuyoruz)",
        r"gizliliğiniz bizim için önemli", r"çerez (?:politikası|ayarları|tercihleri|bildirimi)",
        r"gizlilik ayarları", r"bu (?:web )?site(?:miz)? çerez(?:ler)? kullan(?:ır|maktadır)",
    ),
)

_UK = Lexicon(
    code="uk",
    keyword=r"(?i)cookie|куки|кукі",
    cue=r"(?i)ми |наш|ваш|цей сайт|продовжуючи|використовуючи (?:сайт|наш)",
    context=r"(?i)сайт|використ|згод|браузер|конфіденційн|налаштуван|досвід|сервіс|пристро",
    strong=(
        r"прийняти все", r"прийняти всі(?: файли cookie)?", r"відхилити всі",
        r"налаштування (?:файлів )?(?:cookie|кукі)", r"лише необхідні", r"тільки необхідні",
        r"погоджуюсь", r"погоджуюся", r"дозволити всі", r"підтвердити вибір",
    ),
    weak=(r"прийняти", r"відхилити", r"налаштування", r"закрити", r"детальніше", r"зрозуміло",
          r"добре", r"ок", r"ok"),
    tcf=(
        r"(?i)(?:зберігати|зберігання) та/або (?:отримувати доступ|доступ) до інформації на"
        r" (?:вашому )?пристрої"
    ),
    tcf_data=r"(?i)пристро|cookie|кукі|персональн",
    titles=(
        r"ми (?:цінуємо|поважаємо) вашу конфіденційність",
        r"ваша конфіденційність важлива(?: для нас)?",
        r"(?:налаштування|політика|використання) (?:файлів )?(?:cookie|кукі)",
        r"налаштування конфіденційності",
        r"(?:цей сайт|сайт|ми) використову(?:є|ємо) (?:файли )?(?:cookie|кукі)",
    ),
)

_CS = Lexicon(
    code="cs",
    keyword=r"(?i)cookie",
    cue=(
        r"(?i)používáme|využíváme|náš|naše|naši|vaš|tento web|tyto stránky|pokračováním"
        r"|souhlasíte|my a naši"
    ),
    context=(
        r"(?i)web|stránk|prohlížeč|souhlas|soukromí|nastavení|reklam|partner|služb|zařízení"
        r"|osobní údaje"
    ),
    strong=(
        r"přijmout vše", r"přijmout všechny(?: cookies?)?", r"odmítnout vše",
        r"povolit vše", r"nastavení (?:souborů )?cookies?", r"pouze nezbytné(?: cookies?)?",
        r"jen nezbytné(?: cookies?)?", r"souhlasím", r"nesouhlasím", r"potvrdit (?:mé )?volby",
        r"spravovat (?:předvolby|možnosti)",
    ),
    weak=(r"přijmout", r"odmítnout", r"nastavení", r"zavřít", r"rozumím", r"povolit",
          r"více informací", r"uložit", r"ok"),
    tcf=(
        r"(?i)ukládání (?:a/nebo|nebo) přístup k informacím (?:v|na) zařízení"
        r"|ukládat (?:a/nebo|nebo) (?:mít )?přístup k informacím (?:v|na) (?:vašem )?zařízení"
    ),
    tcf_data=r"(?i)zařízení|cookie|osobní údaje|identifikátor",
    titles=(
        r"(?:vážíme si|respektujeme|chráníme) (?:vašeho|vaše) soukromí",
        r"vaše soukromí je pro nás důležité", r"(?:nastavení|zásady) (?:souborů )?cookies?",
        r"nastavení soukromí", r"(?:tento web|tyto stránky) používa(?:jí)? (?:soubory )?cookies?",
    ),
)

_HI = Lexicon(
    code="hi",
    keyword=r"कुकीज़|कुकीज|कुकी|(?i:cookies?)",
    cue=r"हम |हमारी|हमारे|आप|आपके|आपकी|यह वेबसाइट|इस वेबसाइट|जारी रखकर",
    context=r"वेबसाइट|साइट|ब्राउज़र|गोपनीयता|अनुभव|सेटिंग|नीति|विज्ञापन|सहमति|डिवाइस|उपयोग",
    strong=(
        r"सभी (?:कुकीज़ )?स्वीकार करें", r"सभी अस्वीकार करें", r"कुकी (?:सेटिंग्स|सेटिंग)",
        r"मैं सहमत हूँ", r"मैं सहमत हूं", r"केवल आवश्यक(?: कुकीज़)?",
    ),
    weak=(r"स्वीकार करें", r"अस्वीकार करें", r"सेटिंग्स", r"बंद करें", r"सहमत", r"ठीक है",
          r"और जानें"),
    tcf=(
        r"(?:किसी )?डिवाइस पर (?:जानकारी|सूचना) (?:संग्रहीत करना|स्टोर करना) और/या"
        r" (?:उस तक )?(?:पहुँचना|पहुंचना|एक्सेस करना)"
    ),
    tcf_data=r"डिवाइस|कुकी|व्यक्तिगत डेटा",
    titles=(
        r"हम आपकी गोपनीयता (?:का सम्मान करते हैं|को महत्व देते हैं)",
        r"आपकी गोपनीयता (?:हमारे लिए )?महत्वपूर्ण है", r"कुकी (?:सेटिंग्स|नीति)",
        r"गोपनीयता सेटिंग्स", r"यह वेबसाइट कुकीज़ का उपयोग करती है",
    ),
)

_EL = Lexicon(
    code="el",
    keyword=r"(?i)cookie|μπισκότ",
    cue=(
        r"(?i)χρησιμοποιούμε|ο ιστότοπός μας|η ιστοσελίδα μας|μας |σας|αυτός ο ιστότοπος"
        r"|αυτή η ιστοσελίδα|συνεχίζοντας|εμείς"
    ),
    context=(
        r"(?i)ιστότοπ|ιστοσελίδ|σελίδα|περιήγηση|απόρρητ|εμπειρία|ρυθμίσ|πολιτική|διαφημ"
        r"|συνεργάτ|συσκευ|συγκατάθεσ|προσωπικά δεδομένα"
    ),
    strong=(
        r"αποδοχή όλων", r"αποδοχή (?:όλων των )?cookies?", r"απόρριψη όλων",
        r"ρυθμίσεις cookies?", r"μόνο τα (?:απαραίτητα|αναγκαία)", r"συμφωνώ",
        r"διαχείριση (?:προτιμήσεων|επιλογών)", r"αποθήκευση (?:προτιμήσεων|επιλογών)",
    ),
    weak=(r"αποδοχή", r"απόρριψη", r"ρυθμίσεις", r"κλείσιμο", r"περισσότερα", r"εντάξει",
          r"προσαρμογή", r"αποθήκευση", r"ok"),
    tcf=(
        r"(?i)αποθήκευση (?:ή|και/ή) πρόσβαση σε πληροφορίες (?:σε|στη) (?:μια |τη )?συσκευή"
        r"|αποθηκεύουμε (?:ή|και/ή) έχουμε πρόσβαση σε πληροφορίες (?:σε|στη) (?:μια )?συσκευή"
    ),
    tcf_data=r"(?i)συσκευ|cookie|προσωπικά δεδομένα|αναγνωριστικ",
    titles=(
        r"(?:σεβόμαστε|εκτιμούμε) (?:το απόρρητό σας|την ιδιωτικότητά σας)",
        r"το απόρρητό σας (?:είναι σημαντικό|μας ενδιαφέρει)(?: για εμάς)?",
        r"(?:ρυθμίσεις|πολιτική) cookies?", r"ρυθμίσεις απορρήτου",
        r"(?:αυτός ο ιστότοπος|αυτή η ιστοσελίδα) χρησιμοποιεί cookies?",
    ),
)

_HU = Lexicon(
    code="hu",
    keyword=r"(?i)süti|cookie",
    cue=(
        r"(?i)használunk|weboldalunk|oldalunk|az ön|ön |az oldal használatával|ez a weboldal"
        r"|ez az oldal|elfogadja|hozzájárul"
    ),
    context=(
        r"(?i)weboldal|oldal|böngész|adatvédelm|élmény|beállítás|szabályzat|hirdet|partner"
        r"|eszköz|hozzájárul|személyes adat"
    ),
    strong=(
        r"összes elfogadása", r"mindet elfogadom", r"összes (?:süti )?elutasítása",
        r"(?:süti|cookie) beállítások", r"csak a (?:szükséges|szükségesek)(?: sütik)?",
        r"elfogadom az összeset", r"beállítások kezelése", r"választás megerősítése",
    ),
    weak=(r"elfogadom", r"elutasítom", r"elfogadás", r"elutasítás", r"beállítások", r"bezárás",
          r"rendben", r"további információ", r"mentés", r"ok"),
    tcf=(
        r"(?i)információk tárolása (?:és/vagy|vagy) (?:az azokhoz való )?hozzáférés (?:egy )?"
        r"eszközön|eszközön (?:lévő|tárolt) információk(?:hoz való hozzáférés| tárolása)"
    ),
    tcf_data=r"(?i)eszköz|süti|cookie|személyes adat|azonosító",
    titles=(
        r"(?:tiszteletben tartjuk|értékeljük) (?:az ön )?magánszféráját",
        r"fontos számunkra (?:az ön )?(?:adatainak védelme|magánszférája)",
        r"(?:süti|cookie) (?:beállítások|szabályzat|tájékoztató)", r"adatvédelmi beállítások",
        r"(?:ez a weboldal|ez az oldal|weboldalunk) (?:sütiket|cookie-kat) használ",
    ),
)

#: The lexicons of this module.
LEXICONS: tuple[Lexicon, ...] = (_AR, _TR, _UK, _CS, _HI, _EL, _HU)
