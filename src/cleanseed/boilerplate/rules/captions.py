"""Photo captions and credits: lines that describe or credit a picture the text no longer has.

A caption line is recognised by its credit: an agency after a slash ("... in Shanghai. /CFP"),
a label ("Photo: Reuters", "Foto: dpa", "图片来源：视觉中国"), a parenthesised credit at the end
("(Photo by Jane Doe/Getty Images)", "（新华社记者 张三 摄）") or a wire-photo form
("FILE PHOTO: ... REUTERS/Jane Doe"). Agency names are matched case-sensitively: "AP" is an
agency, "ap" is not.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.base import Rule, alternation

__all__ = ["AGENCIES", "CAPTION_MAX_CHARS", "CREDIT_MAX_CHARS", "RULES"]

#: A caption is a sentence or two; a longer line is an article paragraph.
CAPTION_MAX_CHARS = 500
#: A credit alone on its line ("Photo: Reuters") is short.
CREDIT_MAX_CHARS = 200

#: Photo agencies and picture desks, as they are written in credits.
AGENCIES = (
    "AFP", "AP", "AP Photo", "Reuters", "REUTERS", "Xinhua", "CFP", "VCG", "IC", "IC Photo",
    "CNS", "CNSphoto", "China News Service", "Visual China", "Imaginechina", "China Daily",
    "Global Times", "CGTN", "People's Daily", "EPA", "EPA-EFE", "EFE", "dpa", "DPA",
    "picture alliance", "picture-alliance", "Getty Images", "Getty", "Bloomberg", "ANSA",
    "Kyodo", "Jiji", "Yonhap", "TASS", "RIA Novosti", "Sputnik", "PA", "PA Images", "PA Wire",
    "PTI", "ANI", "IANS", "Shutterstock", "Alamy", "iStock", "iStockphoto", "Keystone",
    "KEYSTONE", "ANP", "Belga", "BELGA", "TT", "NTB", "Ritzau", "PAP", "UPI", "ZUMA Press",
    "Zuma Press", "SOPA Images", "NurPhoto", "LightRocket", "Anadolu", "Anadolu Agency",
    "Imago", "IMAGO", "Sipa", "Abaca", "Wikimedia Commons", "Unsplash", "Pexels", "Pixabay",
    "Handout", "Courtesy", "AP Images", "AAP", "APA", "SDA", "Europa Press", "Agencia EFE",
    "LaPresse", "Fotogramma", "MAXPPP", "Hans Lucas", "Gamma-Rapho", "Panoramic", "Icon Sport",
    "Alamy Stock Photo", "Getty Images News", "Getty Images Europe", "dpa-Zentralbild",
    "Photothek", "Agência Brasil", "Lusa", "Yomiuri", "Asahi", "Mainichi", "NHK", "Newscom",
    "Polaris", "Redux", "Magnum Photos", "NASA", "ESA", "Flickr",
)
_AGENCY = alternation(a.replace(".", r"\.") for a in AGENCIES)

# A person or desk named in a credit: capitalised words, initials, hyphens and apostrophes.
_NAME = (
    r"\p{Lu}[\pL.'’-]*(?:[ \t]+(?:(?:de|da|van|von|der|den|di|del|la|le|al)[ \t]+)?"
    r"\p{Lu}[\pL.'’-]*)*"
)

# Credits that are not names: "Foto: privat", "Photo : DR", "Bild: zVg", "Foto: Archiv".
_NOT_NAME = (
    r"(?i:privat|archiv|archive|archivo|archivio|arquivo|archief|zvg|dr|handout|cedida"
    r"|pressebild|hersteller|file|stock|pool)"
)
# Chinese picture desks and agencies as they sign photos.
_HAN_AGENCY = (
    r"(?:新华社|新華社|中新社|中新网|中新網|视觉中国|視覺中國|东方IC|東方IC|人民视觉|人民視覺"
    r"|图虫创意|圖蟲創意|澎湃影像|新华网|新華網|人民网|人民網|央视网|央視網|共同社|路透社|法新社"
    r"|美联社|美聯社|IC photo|CFP|VCG)"
)
# A picture's licence and the site it was taken from, as a credit names them ("Foto: Timur |
# flickr | CC BY 2.0", "Bild: Jane Doe / Wikimedia Commons / CC BY-SA 4.0"), in any case.
_LICENCE = (
    r"(?i:cc[ \t-]?(?:by|0)(?:[ \t-](?:sa|nc|nd))*(?:[ \t]+\d\.\d)?|public domain|gemeinfrei"
    r"|domaine public|dominio público|pubblico dominio|flickr|wikimedia(?: commons)?|unsplash"
    r"|pixabay|pexels)"
)
# A credit: agencies, names, licences and the non-name words, joined by slashes, bars, commas
# or "via".
_ITEM = rf"(?:{_LICENCE}|{_AGENCY}|{_NAME}|{_NOT_NAME})"
_CREDIT = (
    rf"{_ITEM}(?:(?:[ \t]*[/|,;][ \t]*|[ \t]+(?:via|for|für|pour|para|per|para|/)[ \t]+)"
    rf"{_ITEM})*"
)
# Where a sentence of a caption ends and its credit starts.
_END = r"[.!?…。！？\"”’)）»][ \t]+"

# The picture labels of many languages, before a colon (or "=" in Korean).
_LATIN_LABEL = (
    r"(?i:photos?|photograph(?:y|s)?|pictures?|images?|illustration|graphic|video|credits?"
    r"|photo credit|image credit|picture credit|photo courtesy|foto(?:s|grafía|grafia)?"
    r"|bild(?:er|quelle)?|imagen|imagem|immagine|beeld|crédits? photo|crédits?|fotó|kuva"
    r"|zdjęcie|fot\.|фото|снимок)"
)
_PHOTO_LABEL = alternation((_LATIN_LABEL, r"写真", r"画像", r"사진", r"자료사진", r"그래픽"))

RULES: tuple[Rule, ...] = (
    # "... parked in Shanghai. /CFP", "... [Photo/Xinhua]", "... Photo/VCG": the CGTN and
    # China Daily style, a credit after a slash at the end of the caption ("。/CFP" in Chinese).
    Rule(
        id="caption.agency_slash", lang="*", scope="tail", max_chars=CAPTION_MAX_CHARS,
        pattern=(
            rf"(?:[ \t。！？）)][ \t]*/[ \t]*|(?i:photo|photos|video)[ \t]*/[ \t]*){_AGENCY}"
            r"(?:[ \t]+(?i:photo))?"
            r"|[\[(](?i:photos?|video|photo provided to [^\])]+)/[^\])/]+[\])]\.?"
        ),
    ),
    # "Photo: Reuters", "Foto: dpa", "Photo : AFP", "Bild: Keystone", "사진=연합뉴스".
    Rule(
        id="caption.label", lang="*", max_chars=CREDIT_MAX_CHARS,
        pattern=rf"[(\[（]?{_PHOTO_LABEL}[ \t]*[:：=][ \t]*\S.*",
    ),
    # "Image copyright", "Bildquelle", "Crédit photo" alone, their credit on the next line; a
    # handle may follow ("Image copyright @jdoe"). Alone, the label could be a heading.
    Rule(
        id="caption.label_alone", lang="*", max_chars=60, near=1,
        pattern=(
            r"(?i:(?:image|media|video|photo|picture)[ \t]+(?:copyright|source|caption|credit)s?"
            r"|bildquelle|bildrechte|source de l['’]image|crédits? photos?|fuente de la imagen"
            r"|crédito da imagem|fotocredits?|bildkälla|źródło zdjęcia|источник фото"
            r"|zdroj fotografie|fotoğraf kaynağı)(?:[ \t]*[:,])?(?:[ \t]+@\S+)?"
        ),
    ),
    # The BBC's "Image source, Getty Images" and "Image caption, The president arrives ...".
    Rule(
        id="caption.bbc", lang="en", max_chars=CAPTION_MAX_CHARS,
        pattern=r"(?:Image|Media|Video)[ \t]+(?:source|caption|credit)[ \t]*[,:][ \t]*\S.*",
    ),
    # "... walks past. (Photo by Jane Doe/Getty Images)", "... [Photo: AFP]",
    # "... de Marseille. (Photo Léa Benali/dpa)", "... (Foto: dpa)".
    Rule(
        id="caption.credit_end", lang="*", scope="tail", max_chars=CAPTION_MAX_CHARS,
        pattern=(
            r"[(\[](?i:(?:file )?(?:photos?|photograph|image|picture|illustration|foto)s?"
            r"(?: by|:| courtesy of| credit:)|credits?:)[^()\[\]]+[)\]]\.?"
            rf"|[(\[]{_LATIN_LABEL}(?:[ \t]*[:：]|[ \t]+(?i:by|de|von|par|di|por|da|courtesy of))?"
            rf"[ \t]+{_CREDIT}[)\]]\.?"
        ),
    ),
    # "... in Bristol. Photo: Getty Images", "... Foto: picture alliance/dpa | Sophie Neumann",
    # "... Crédit photo : Hélène Lefèvre", "... Calles inundadas. © dpa": a credit after the
    # caption's last sentence. The credit must be names or agencies, so prose ending in
    # "Image: a sunset" stays.
    Rule(
        id="caption.credit_tail", lang="*", scope="tail", max_chars=CAPTION_MAX_CHARS,
        pattern=(
            rf"{_END}(?:{_LATIN_LABEL}[ \t]*[:：]|©|\([cC]\))[ \t]*{_CREDIT}[ \t]*\.?"
        ),
    ),
    # AP and Reuters wire photos: "FILE PHOTO: A man walks past a logo ...", "FILE - In this ...".
    Rule(
        id="caption.wire", lang="en", max_chars=CAPTION_MAX_CHARS,
        pattern=r"(?:FILE PHOTO|FILE|PHOTO)[ \t]*[:：-][ \t]*\S.*",
    ),
    # "... walks past a logo. REUTERS/Jane Doe/File Photo".
    Rule(
        id="caption.wire_credit", lang="en", scope="tail", max_chars=CAPTION_MAX_CHARS,
        pattern=(
            rf"[ \t](?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|XINHUA)/{_NAME}"
            r"(?:/(?:File Photo|File|Pool|Handout|Illustration)(?: Photo)?)*\.?"
        ),
    ),
    # A credit alone on its line: "Getty Images", "AFP via Getty Images", "© Reuters".
    Rule(
        id="caption.credit_only", lang="*", max_chars=CREDIT_MAX_CHARS,
        pattern=(
            rf"(?:©|\([cC]\))?[ \t]*{_AGENCY}(?:[ \t]*(?:/|via|for|-)[ \t]*(?:{_AGENCY}|{_NAME}))*"
            rf"|{_NAME}[ \t]*/[ \t]*{_AGENCY}(?:[ \t]+via[ \t]+{_AGENCY})?"
        ),
    ),
    # What a photo viewer leaves behind: "Caption", "Enlarge this image", "Back to gallery".
    Rule(
        id="caption.viewer", lang="en", max_chars=40,
        pattern=(
            r"(?i:caption|hide caption|toggle caption|enlarge(?: this)? image|expand image"
            r"|view (?:gallery|slideshow)|open gallery|\d+ (?:photos|images)|photo \d+ of \d+)"
        ),
    ),
    # "图片来源：视觉中国", "图/视觉中国", "摄影：张三", "圖片來源：路透社".
    Rule(
        id="caption.zh.label", lang="zh", max_chars=80,
        pattern=(
            r"[（(]?(?:图片来源|图片来自|图片提供|图源|摄影|供图|图片|图|圖片來源|圖片來自|圖源"
            r"|攝影|圖片|圖|视频来源|視頻來源)[ \t]*[:：/／|][ \t]*\S.*"
        ),
    ),
    # "……在上海停放。（新华社记者 张三 摄）", "新华社发（陈海燕摄）", "新华社记者 张三 摄",
    # "（视觉中国）", "（图/IC photo）", "（资料图）".
    Rule(
        id="caption.zh.photographer", lang="zh", scope="tail", max_chars=CAPTION_MAX_CHARS,
        pattern=(
            r"[（(](?:[^（）()\n]{0,20}(?:记者|記者|通讯员|通訊員|摄影师|攝影師)"
            r"[ \t]*)?\p{Han}{2,4}(?:[ \t、]+\p{Han}{2,4})*[ \t/／]*(?:摄|攝)[）)]。?"
            r"|(?:记者|記者|通讯员|通訊員)[ \t]*\p{Han}+(?:[ \t、]+\p{Han}+)*[ \t]+(?:摄|攝)。?"
            rf"|[（(](?:{_HAN_AGENCY}|资料图片?|資料圖片?)(?:供图|供圖|發|发|图|圖)?[）)]。?"
            r"|[（(](?:图|圖|图片|圖片|图文|圖文)[ \t]*[:：/／|][^（）()\n]{1,30}[）)]。?"
        ),
    ),
    # "……扑救山火。 图片来源：视觉中国", "……候车。/新华社": a credit label after the last sentence.
    Rule(
        id="caption.zh.credit_tail", lang="zh", scope="tail", max_chars=CAPTION_MAX_CHARS,
        pattern=(
            r"[。！？）)”][ \t]*(?:图片来源|图片来自|图片提供|图源|图|圖片來源|圖片來自|圖源|圖"
            r"|摄影|攝影|供图|供圖)[ \t]*[:：/／|][ \t]*[^。，,：:！？\n]{1,30}"
            rf"|[。！？][ \t]*/?[ \t]*{_HAN_AGENCY}(?:供图|供圖|發|发)?"
        ),
    ),
    # A picture desk alone on its line: "资料图", "视觉中国", "新华社发".
    Rule(
        id="caption.zh.credit_only", lang="zh", max_chars=40,
        pattern=(
            rf"[（(]?(?:{_HAN_AGENCY}(?:供图|供圖|發|发)?|资料图片?|資料圖片?)[）)]?"
        ),
    ),
    # "（写真：ロイター）" and "（写真＝共同）" at the end of a Japanese caption, "。写真：共同",
    # "＝東京都千代田区で、山田太郎撮影", "（山田太郎撮影）".
    Rule(
        id="caption.ja.credit", lang="ja", scope="tail", max_chars=CAPTION_MAX_CHARS,
        pattern=(
            r"[（(](?:写真|画像|資料写真|提供|撮影)[ \t]*[:：=＝][^（）()\n]+[）)]。?"
            r"|[。」）)][ \t]*(?:写真|画像|資料写真|提供|撮影)[ \t]*[:：=＝][ \t]*[^。、\n]{1,30}"
            r"|＝[^＝。\n]{1,80}撮影|[（(][^（）()\n]{1,30}撮影[）)]。?"
        ),
    ),
    # "... 말했다. (사진=연합뉴스)", "[사진=연합뉴스]" at the end of a Korean caption.
    Rule(
        id="caption.ko.credit", lang="ko", scope="tail", max_chars=CAPTION_MAX_CHARS,
        pattern=r"[(\[](?:사진|자료사진|그래픽)[ \t]*[=:][^()\[\]\n]{1,30}[)\]]\.?",
    ),
)
