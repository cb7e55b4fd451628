"""What the SVG filter knows: the SVG elements known to be inert, the animation elements, and the namespaces
whose elements a browser gives behaviour to (the DOM gives it only to XHTML, SVG and MathML elements)."""

from __future__ import annotations

SVG_NAMESPACE = "http://www.w3.org/2000/svg"

#: SVG 1.1 and SVG 2 elements (and Inkscape's flowed text) that run nothing themselves; their attributes are
#: still checked. Left out on purpose: script, foreignObject, and SVG Tiny's handler, listener, animation,
#: video, audio — none of which a badge needs.
INERT_SVG_ELEMENTS = frozenset(
    {
        "a",
        "altGlyph",
        "altGlyphDef",
        "altGlyphItem",
        "circle",
        "clipPath",
        "color-profile",
        "cursor",
        "defs",
        "desc",
        "discard",
        "ellipse",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feConvolveMatrix",
        "feDiffuseLighting",
        "feDisplacementMap",
        "feDistantLight",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feImage",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "fePointLight",
        "feSpecularLighting",
        "feSpotLight",
        "feTile",
        "feTurbulence",
        "filter",
        "flowDiv",
        "flowLine",
        "flowPara",
        "flowRect",
        "flowRegion",
        "flowRegionExclude",
        "flowRoot",
        "flowSpan",
        "flowTref",
        "font",
        "font-face",
        "font-face-format",
        "font-face-name",
        "font-face-src",
        "font-face-uri",
        "g",
        "glyph",
        "glyphRef",
        "hatch",
        "hatchpath",
        "hkern",
        "image",
        "line",
        "linearGradient",
        "marker",
        "mask",
        "mesh",
        "meshgradient",
        "meshpatch",
        "meshrow",
        "metadata",
        "missing-glyph",
        "mpath",
        "path",
        "pattern",
        "polygon",
        "polyline",
        "radialGradient",
        "rect",
        "solidcolor",
        "stop",
        "style",
        "svg",
        "switch",
        "symbol",
        "text",
        "textPath",
        "title",
        "tref",
        "tspan",
        "use",
        "view",
        "vkern",
    }
)

#: SMIL animation elements: allowed to move and recolour, never to change a link or an event handler.
ANIMATION_ELEMENTS = frozenset({"animate", "animateColor", "animateMotion", "animateTransform", "set"})

#: Attributes an animation must not target (compared lower-case, without any prefix): links and their base.
LINK_ATTRIBUTES = frozenset({"href", "src", "base"})

#: The attributes of an animation that hold the values it sets.
ANIMATION_VALUE_ATTRIBUTES = ("to", "from", "by", "values")

#: Namespaces whose elements can run or embed active content in some browser; none belongs in a badge image.
ACTIVE_NAMESPACES = {
    "http://www.w3.org/1999/xhtml": "XHTML",
    "http://www.w3.org/TR/REC-html40": "HTML",
    "http://www.w3.org/1998/Math/MathML": "MathML",
    "http://www.w3.org/1999/XSL/Transform": "XSLT",
    "http://www.w3.org/2001/xml-events": "XML Events",
    "http://www.w3.org/2002/xforms": "XForms",
    "http://www.mozilla.org/keymaster/gatekeeper/there.is.only.xul": "XUL",
    "http://www.mozilla.org/xbl": "XBL",
    "urn:schemas-microsoft-com:vml": "VML",
}
