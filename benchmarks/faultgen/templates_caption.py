"""Photo captions with an agency credit, and credit lines standing alone.

``{caption}`` is a caption sentence of the article's language (``Language.captions``);
``{name}`` a photographer; ``{agency}`` a picture agency. The styles follow what wire services
and news sites print under pictures: the Chinese agencies' trailing "/CFP", Reuters' "FILE PHOTO:"
lead, Getty's "(Photo by .../Getty Images)", the BBC's "Image caption, ..." and "Image source,
...", the Guardian's "Photograph: .../AP".
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["AGENCIES", "CREDITED", "STANDALONE"]

AGENCIES = ("Reuters", "AFP", "AP", "Getty Images", "EPA", "dpa", "Xinhua", "Bloomberg",
            "Anadolu", "EFE")

#: A caption followed (or preceded) by its credit, per article language.
CREDITED = MappingProxyType({
    "en": ("{caption} /CFP", "{caption} /Xinhua", "{caption} /VCG",
           "{caption} Photo: {agency}", "{caption} (Photo by {name}/Getty Images)",
           "FILE PHOTO: {caption} REUTERS/{name}/File Photo",
           "{caption} Photograph: {name}/AP", "Image caption, {caption}",
           "{caption} (Credit: {name}/{agency})", "{caption} © {agency}"),
    "de": ("{caption} Foto: dpa", "{caption} Foto: picture alliance/dpa | {name}",
           "{caption} © {agency}", "{caption} (Foto: {name}/{agency})",
           "{caption} Bild: Imago/{name}", "{caption} /CFP"),
    "fr": ("{caption} Photo : {agency}", "{caption} © {name} / {agency}",
           "{caption} (Photo {name}/{agency})", "{caption} Crédit photo : {name}",
           "{caption} /Xinhua"),
    "es": ("{caption} Foto: EFE", "{caption} (Foto: {name}/{agency})", "{caption} © {agency}",
           "{caption} Fotografía: {name} / EFE", "{caption} /CFP"),
    "zh": ("{caption}/CFP", "{caption}（新华社记者 {name} 摄）", "{caption} 图片来源：视觉中国",
           "{caption}（图/IC photo）", "{caption} 新华社发（{name}摄）"),
})

#: Credit lines printed on a line of their own, above or below the caption or the picture.
STANDALONE = MappingProxyType({
    "en": ("Photo: {agency}", "Image source, {agency}", "Image source, Getty Images",
           "Photo: {name}/{agency}", "Credit: {agency}", "(Photo by {name}/Getty Images)"),
    "de": ("Foto: dpa", "Bild: {agency}", "Foto: {name}/{agency}"),
    "fr": ("Photo : {agency}", "Crédit : {name}/{agency}"),
    "es": ("Foto: EFE", "Fotografía: {name}/{agency}"),
    "zh": ("图片来源：视觉中国", "（图/CFP）", "新华社记者 {name} 摄"),
})
