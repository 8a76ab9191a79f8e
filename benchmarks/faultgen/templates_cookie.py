"""Cookie and consent banners in nine languages: a title, the notice, and the button labels.

Written after the consent screens common on news sites: the short notice of a small site, the
long notice of a consent platform ("we and our partners store and/or access..."), and the title
line a consent dialog puts above it. Buttons come as one line ("Accept all | Reject | Settings",
or run together with spaces, the way flattened HTML leaves them) or one label per line.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["BANNERS", "BUTTONS", "LANGS", "TITLES"]

LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "zh", "ja")

TITLES = MappingProxyType({
    "en": ("We value your privacy", "Your privacy choices", "Cookie settings",
           "This site uses cookies"),
    "de": ("Ihre Privatsphäre ist uns wichtig", "Datenschutzeinstellungen", "Cookie-Einstellungen"),
    "fr": ("Nous respectons votre vie privée", "Vos choix en matière de cookies",
           "Gestion des cookies"),
    "es": ("Valoramos tu privacidad", "Configuración de cookies", "Aviso de cookies"),
    "it": ("Rispettiamo la tua privacy", "Informativa sui cookie"),
    "pt": ("Valorizamos a sua privacidade", "Definições de cookies"),
    "nl": ("Wij waarderen uw privacy", "Cookie-instellingen"),
    "zh": ("Cookie设置", "隐私设置"),
    "ja": ("Cookieの設定", "プライバシー設定"),
})

BANNERS = MappingProxyType({
    "en": (
        "We use cookies to improve your experience on our site and to show you personalised "
        "advertising. By clicking “Accept all”, you agree to the storing of cookies on your "
        "device.",
        "This website uses cookies to ensure you get the best experience on our website.",
        "This website uses cookies to ensure you get the best experience on our website. "
        "Learn more",
        "We and our partners store and/or access information on a device, such as cookies, and "
        "process personal data, such as unique identifiers and standard information sent by a "
        "device, for personalised ads and content, ad and content measurement, and audience "
        "insights.",
        "By continuing to use this site, you consent to our use of cookies in accordance with "
        "our Cookie Policy.",
        "Some of these cookies are essential, while others help us improve your experience by "
        "providing insights into how the site is being used.",
        "We use necessary cookies to make our site work. We’d also like to set optional "
        "analytics cookies to help us improve it.",
    ),
    "de": (
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Wenn Sie auf „Alle "
        "akzeptieren“ klicken, stimmen Sie der Verwendung aller Cookies zu.",
        "Diese Website verwendet Cookies. Durch die weitere Nutzung der Website stimmen Sie der "
        "Verwendung von Cookies zu. Weitere Informationen finden Sie in unserer "
        "Datenschutzerklärung.",
        "Wir und unsere Partner speichern und/oder greifen auf Informationen auf einem Gerät zu, "
        "z. B. auf Cookies, und verarbeiten personenbezogene Daten wie eindeutige Kennungen.",
        "Wir nutzen Cookies und ähnliche Technologien, um Inhalte zu personalisieren und die "
        "Zugriffe auf unsere Website zu analysieren.",
    ),
    "fr": (
        "Nous utilisons des cookies pour améliorer votre expérience sur notre site et vous "
        "proposer des contenus personnalisés. En cliquant sur « Tout accepter », vous consentez "
        "à l’utilisation de ces cookies.",
        "Ce site utilise des cookies. En poursuivant votre navigation, vous acceptez leur "
        "utilisation.",
        "Nos partenaires et nous-mêmes stockons et/ou accédons à des informations sur un "
        "appareil, telles que les cookies, et traitons des données personnelles.",
        "En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies "
        "pour vous proposer des publicités ciblées et réaliser des statistiques de visites.",
    ),
    "es": (
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle "
        "publicidad relacionada con sus preferencias. Si continúa navegando, consideramos que "
        "acepta su uso.",
        "Este sitio web utiliza cookies para que usted tenga la mejor experiencia de usuario.",
        "Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo, "
        "como las cookies, y procesamos datos personales.",
    ),
    "it": (
        "Questo sito utilizza cookie tecnici e, previo tuo consenso, cookie di profilazione, "
        "nostri e di terze parti. Chiudendo questo banner acconsenti all’uso dei cookie.",
        "Utilizziamo i cookie per offrirti la migliore esperienza sul nostro sito.",
        "Noi e terze parti selezionate utilizziamo cookie o tecnologie simili per finalità "
        "tecniche e, con il tuo consenso, anche per altre finalità.",
    ),
    "pt": (
        "Utilizamos cookies para melhorar a sua experiência de navegação. Ao continuar a "
        "navegar, concorda com a nossa Política de Cookies.",
        "Este site usa cookies para garantir que você obtenha a melhor experiência.",
        "Nós e os nossos parceiros armazenamos e/ou acedemos a informações num dispositivo, "
        "tais como cookies, e tratamos dados pessoais.",
    ),
    "nl": (
        "Wij gebruiken cookies om onze website en uw gebruikservaring te verbeteren. Door verder "
        "te gaan op deze website gaat u akkoord met het gebruik van cookies.",
        "Deze website maakt gebruik van cookies. Lees meer in onze privacyverklaring.",
        "Wij en onze partners slaan informatie op en/of openen informatie op een apparaat, "
        "zoals cookies, en verwerken persoonsgegevens.",
    ),
    "zh": (
        "本网站使用Cookie以提升您的浏览体验。继续使用本网站即表示您同意我们使用Cookie。",
        "我们使用cookies来改善您的体验并分析网站流量。点击“接受”即表示您同意我们的隐私政策。",
        "为了给您提供更好的服务，我们会使用Cookie。详情请参阅《隐私政策》。",
    ),
    "ja": (
        "当サイトでは、利便性向上のためにCookieを使用しています。サイトを閲覧いただく際には、"
        "Cookieの使用に同意いただく必要があります。",
        "このウェブサイトはクッキーを使用しています。詳しくはプライバシーポリシーをご覧ください。",
        "当社はお客様の体験を向上させるためにクッキーを使用します。「同意する」をクリックすると、"
        "クッキーの使用に同意したものとみなされます。",
    ),
})

BUTTONS = MappingProxyType({
    "en": (("Accept all", "Reject all", "Manage preferences"), ("Accept", "Decline"),
           ("I agree", "Learn more"), ("Allow all cookies", "Use necessary cookies only"),
           ("Accept all", "Reject", "Settings"), ("Got it!",)),
    "de": (("Alle akzeptieren", "Ablehnen", "Einstellungen"),
           ("Akzeptieren", "Nur notwendige Cookies"), ("Zustimmen", "Mehr erfahren"),
           ("Alle Cookies zulassen", "Auswahl erlauben")),
    "fr": (("Tout accepter", "Tout refuser", "Paramétrer"),
           ("Accepter", "Continuer sans accepter"), ("J’accepte", "En savoir plus"),
           ("Personnaliser", "Accepter et fermer")),
    "es": (("Aceptar todas", "Rechazar", "Configurar"), ("Aceptar", "Más información"),
           ("Aceptar y cerrar",)),
    "it": (("Accetta tutti", "Rifiuta", "Personalizza"), ("Accetta", "Scopri di più")),
    "pt": (("Aceitar todos", "Rejeitar", "Definições"), ("Aceitar", "Saiba mais")),
    "nl": (("Alles accepteren", "Weigeren", "Instellingen"), ("Akkoord", "Meer informatie")),
    "zh": (("接受", "拒绝", "设置"), ("全部接受", "仅必要Cookie"), ("同意并继续",)),
    "ja": (("すべて受け入れる", "拒否", "設定"), ("同意する", "詳細を見る")),
})
