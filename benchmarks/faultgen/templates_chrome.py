"""Page chrome left in extracted text: links and prompts around the article, per language.

Each kind has a place on the page (``PLACE``): ``top`` lines come before the title, ``body``
lines between paragraphs, ``bottom`` lines after the article. ``{headline}`` is another
article's headline, ``{outlet}`` the site's name, ``{year}`` a year, ``{n}`` a small number.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["CHROME", "OUTLETS", "PLACE"]

OUTLETS = ("The Daily Ledger", "Morning Courier", "Tageblatt Nord", "Le Quotidien", "El Correo "
           "Digital", "Metro Herald", "新民晚报网", "Rheinische Rundschau", "Nouvelles du Sud")

PLACE = MappingProxyType({
    "skip": "top", "javascript": "top", "share": "body", "advert": "body", "read_more": "body",
    "related": "bottom", "newsletter": "body", "app": "bottom", "back_to_top": "bottom",
    "copyright": "bottom", "comments": "bottom",
})

CHROME = MappingProxyType({
    "skip": MappingProxyType({
        "en": ("Skip to main content", "Skip to content", "Skip to navigation"),
        "de": ("Zum Inhalt springen", "Direkt zum Inhalt"),
        "fr": ("Aller au contenu principal", "Passer au contenu"),
        "es": ("Saltar al contenido principal", "Ir al contenido"),
        "zh": ("跳到主要内容", "跳过导航"),
    }),
    "javascript": MappingProxyType({
        "en": ("Please enable JavaScript to view this page.",
               "You need to enable JavaScript to run this app.",
               "JavaScript is disabled in your browser. Please enable it for the best experience."),
        "de": ("Bitte aktivieren Sie JavaScript, um diese Seite anzuzeigen.",),
        "fr": ("Veuillez activer JavaScript pour afficher cette page.",),
        "es": ("Por favor, habilita JavaScript para ver esta página.",),
        "zh": ("请启用JavaScript以查看此页面。", "您的浏览器已禁用JavaScript。"),
    }),
    "share": MappingProxyType({
        "en": ("Share", "Share this article", "Share on Facebook",
               "Facebook Twitter LinkedIn Email", "Share Tweet Email", "Print",
               "Email this article", "Print this page", "Share via WhatsApp"),
        "de": ("Teilen", "Artikel teilen", "Drucken", "Per E-Mail versenden",
               "Facebook Twitter WhatsApp E-Mail"),
        "fr": ("Partager", "Partager sur Facebook", "Imprimer", "Envoyer par e-mail",
               "Partager cet article"),
        "es": ("Compartir", "Compartir en Twitter", "Imprimir", "Enviar por correo"),
        "zh": ("分享到：微信 微博 QQ", "分享", "打印本页", "【打印】【关闭】"),
    }),
    "advert": MappingProxyType({
        "en": ("Advertisement", "ADVERTISEMENT", "Advertisement - scroll to continue",
               "Sponsored content", "Story continues below advertisement"),
        "de": ("Anzeige", "Werbung", "ANZEIGE"),
        "fr": ("Publicité", "PUBLICITÉ"),
        "es": ("Publicidad", "PUBLICIDAD"),
        "zh": ("广告", "推广"),
    }),
    "read_more": MappingProxyType({
        "en": ("Read more: {headline}", "READ MORE: {headline}", "Also read: {headline}",
               "Continue reading"),
        "de": ("Mehr zum Thema: {headline}", "Lesen Sie auch: {headline}", "Weiterlesen"),
        "fr": ("Lire aussi : {headline}", "À lire aussi : {headline}", "Lire la suite"),
        "es": ("Lea también: {headline}", "Leer más: {headline}", "Sigue leyendo"),
        "zh": ("相关阅读：{headline}", "延伸阅读：{headline}", "阅读全文"),
    }),
    "related": MappingProxyType({
        "en": ("Related: {headline}", "Related articles", "Related Topics", "More on this story"),
        "de": ("Ähnliche Artikel", "Verwandte Themen", "Mehr zum Thema"),
        "fr": ("Sur le même sujet", "Articles similaires"),
        "es": ("Noticias relacionadas", "Te puede interesar"),
        "zh": ("相关新闻", "相关文章"),
    }),
    "newsletter": MappingProxyType({
        "en": ("Sign up for our newsletter to get the top stories delivered to your inbox.",
               "Get the latest news straight to your inbox. Subscribe to our free daily "
               "newsletter.", "Sign up to our free newsletter"),
        "de": ("Abonnieren Sie unseren Newsletter", "Jetzt kostenlos zum Newsletter anmelden"),
        "fr": ("Inscrivez-vous à notre newsletter", "Recevez chaque matin l’essentiel de "
               "l’actualité : inscrivez-vous à notre newsletter."),
        "es": ("Suscríbete a nuestro boletín", "Recibe las noticias más importantes en tu "
               "correo: suscríbete gratis a nuestra newsletter."),
        "zh": ("订阅我们的新闻通讯", "扫码关注官方微信公众号"),
    }),
    "app": MappingProxyType({
        "en": ("Download our app for the latest news", "Get the app", "Download the app on the "
               "App Store or Google Play"),
        "de": ("Jetzt die App herunterladen", "Laden Sie unsere App herunter"),
        "fr": ("Téléchargez notre application", "Téléchargez l’appli"),
        "es": ("Descarga nuestra app", "Descárgate la aplicación"),
        "zh": ("下载客户端", "扫码下载APP"),
    }),
    "back_to_top": MappingProxyType({
        "en": ("Back to top", "Back to Top ↑", "Top of page"),
        "de": ("Nach oben", "Zurück nach oben"),
        "fr": ("Retour en haut", "Haut de page"),
        "es": ("Volver arriba", "Subir"),
        "zh": ("返回顶部", "回到顶部"),
    }),
    "copyright": MappingProxyType({
        "en": ("© {year} {outlet}. All rights reserved.", "Copyright © {year} {outlet}. All "
               "Rights Reserved.", "© {outlet} {year}"),
        "de": ("© {year} {outlet}. Alle Rechte vorbehalten.", "© {outlet} {year}"),
        "fr": ("© {outlet} {year} - Tous droits réservés", "© {year} {outlet}"),
        "es": ("© {year} {outlet}. Todos los derechos reservados.",),
        "zh": ("版权所有 © {year} {outlet}", "Copyright © {year} {outlet} 版权所有"),
    }),
    "comments": MappingProxyType({
        "en": ("Comments", "View comments", "Leave a comment", "{n} comments"),
        "de": ("Kommentare", "{n} Kommentare"),
        "fr": ("Commentaires", "Réagir"),
        "es": ("Comentarios", "{n} comentarios"),
        "zh": ("评论", "发表评论"),
    }),
})
