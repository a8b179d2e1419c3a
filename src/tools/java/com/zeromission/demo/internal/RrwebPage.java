package com.zeromission.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.DocType;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.jspecify.annotations.Nullable;

/**
 * A page of the product as the recorder's full snapshot has it: a Thymeleaf template's own markup (its prototype
 * texts, without {@code th:} attributes and without what renders only on a condition) turned into rrweb's serialized
 * nodes ({@code {"type":2,"tagName":"input","attributes":{…},"childNodes":[…],"id":7}}), masked as the recorder masks:
 * every text outside {@code [data-zm-unmask]} as '*' per character, every input value as '*', stylesheets inlined as
 * {@code _cssText}, addresses made absolute. Reading the real template keeps the demo sessions true to the page.
 */
public final class RrwebPage {

    /** rrweb-snapshot's NodeType. */
    static final int DOCUMENT = 0, DOCUMENT_TYPE = 1, ELEMENT = 2, TEXT = 3;
    private static final Set<String> MASKED_INPUTS = Set.of("input", "textarea", "select");
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("@\\{(/[^(}]*)(?:\\(.*\\))?}");

    private final Map<String, Object> root;
    private final Map<String, Integer> byHtmlId = new HashMap<>();
    private final Map<Integer, Integer> firstTextOf = new HashMap<>();
    private int nextId = 1;

    /**
     * @param template  a template on the class path, e.g. {@code templates/demo/checkout.html}
     * @param origin    the page's origin ({@code http://localhost:8080}), for absolute addresses
     * @param styles    stylesheet address → its text, inlined as the recorder inlines stylesheets
     * @param hidden    HTML ids of elements hidden when the snapshot is taken (the consent banner after consent)
     */
    public RrwebPage(String template, String origin, Map<String, String> styles, Set<String> hidden) {
        Element html;
        DocType doctype = null;
        try (InputStream in = RrwebPage.class.getClassLoader().getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("no template " + template + " on the class path");
            }
            var document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration())
                    .parse(template, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            html = null;
            for (Object child : document.getChildren()) {
                if (child instanceof DocType d) {
                    doctype = d;
                } else if (child instanceof Element e && e.getElementName().equalsIgnoreCase("html")) {
                    html = e;
                }
            }
            if (html == null) {
                throw new IllegalStateException(template + " has no <html> element");
            }
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read " + template, e);
        }
        var children = new ArrayList<Object>();
        root = new LinkedHashMap<>();
        root.put("type", DOCUMENT);
        root.put("childNodes", children);
        root.put("id", nextId++);
        if (doctype != null) {
            var d = new LinkedHashMap<String, Object>();
            d.put("type", DOCUMENT_TYPE);
            d.put("name", "html");
            d.put("publicId", "");
            d.put("systemId", "");
            d.put("id", nextId++);
            children.add(d);
        }
        children.add(element(html, false, origin, styles, hidden));
    }

    /** The serialized document, for a full snapshot's {@code data.node}. */
    public Map<String, Object> node() {
        return root;
    }

    /** The node id of the element with this HTML id, or of the first element of a kind: {@code <button>}. */
    public int id(String htmlId) {
        Integer id = byHtmlId.get(htmlId);
        if (id == null) {
            throw new IllegalArgumentException("the page has no element with id '" + htmlId + "'");
        }
        return id;
    }

    /** The node id of the first text inside the element with this HTML id (its label), or null when it has none. */
    public @Nullable Integer textOf(String htmlId) {
        return firstTextOf.get(id(htmlId));
    }

    /** An id for a node a mutation adds after the snapshot (the recorder numbers on from the snapshot's ids). */
    public int newId() {
        return nextId++;
    }

    private @Nullable Map<String, Object> convert(INode node, boolean unmasked, String origin, Map<String, String> styles,
            Set<String> hidden) {
        if (node instanceof Element e) {
            if (e.hasAttribute("th:if") || e.hasAttribute("th:unless") || e.hasAttribute("th:remove")) {
                return null; // shown on a condition the snapshot's moment does not have (an earlier error, say)
            }
            return element(e, unmasked, origin, styles, hidden);
        }
        if (node instanceof Text t) {
            var text = new LinkedHashMap<String, Object>();
            text.put("type", TEXT);
            String content = unescape(t.getContent());
            text.put("textContent", unmasked ? content : content.replaceAll("\\S", "*"));
            text.put("id", nextId++);
            return text;
        }
        return null; // comments and the like: the recorder keeps comments, these templates' are notes for developers
    }

    private Map<String, Object> element(Element e, boolean unmaskedAbove, String origin, Map<String, String> styles,
            Set<String> hidden) {
        String tag = e.getElementName().toLowerCase(Locale.ROOT);
        var attributes = new LinkedHashMap<String, Object>();
        var given = new LinkedHashMap<String, String>();
        for (var a : e.getAttributeMap().entrySet()) {
            String name = a.getKey();
            var link = LINK.matcher(a.getValue() == null ? "" : a.getValue());
            if (List.of("th:href", "th:src", "th:action").contains(name) && link.matches()) {
                // a link only Thymeleaf writes (@{/css/feedback.css}): the address it renders, without parameters
                given.putIfAbsent(name.substring(3), link.group(1));
            } else if (!name.startsWith("th:") && !name.startsWith("xmlns:")) {
                given.put(name, a.getValue() == null ? "" : unescape(a.getValue()));
            }
        }
        for (var a : given.entrySet()) {
            String name = a.getKey();
            String value = a.getValue();
            if ((name.equals("href") || name.equals("src")) && value.startsWith("/")) {
                value = origin + value;
            }
            attributes.put(name, value);
        }
        if (e.hasAttribute("th:hidden") || hidden.contains(String.valueOf(e.getAttributeValue("id")))) {
            attributes.put("hidden", "");
        }
        String href = given.get("href");
        if (tag.equals("link") && href != null && styles.containsKey(href)) {
            // as rrweb's inlineStylesheet: the rules themselves, instead of an address the player would have to load
            attributes.remove("href");
            attributes.remove("rel");
            attributes.put("_cssText", styles.get(href));
        }
        if (MASKED_INPUTS.contains(tag) && attributes.containsKey("value")) {
            attributes.put("value", String.valueOf(attributes.get("value")).replaceAll(".", "*"));
        }
        var node = new LinkedHashMap<String, Object>();
        node.put("type", ELEMENT);
        node.put("tagName", tag);
        node.put("attributes", attributes);
        var children = new ArrayList<Object>();
        node.put("childNodes", children);
        int id = nextId++;
        node.put("id", id);
        if (attributes.get("id") instanceof String htmlId) {
            byHtmlId.put(htmlId, id);
        }
        byHtmlId.putIfAbsent("<" + tag + ">", id); // the first of its kind, for elements without an id
        boolean unmasked = unmaskedAbove || e.hasAttribute("data-zm-unmask");
        // a textarea's text is its value: masked as an input value (empty here), never as text
        if (!tag.equals("textarea")) {
            for (Object child : ((INestableNode) e).getChildren()) {
                var converted = convert((INode) child, unmasked, origin, styles, hidden);
                if (converted != null) {
                    children.add(converted);
                    if ((int) converted.get("type") == TEXT && !firstTextOf.containsKey(id)) {
                        firstTextOf.put(id, (int) converted.get("id"));
                    }
                }
            }
        }
        return node;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** The text of a resource on the class path. */
    static String resource(String path) {
        try (InputStream in = RrwebPage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** A list of the node's children (for the generator's look-ups). */
    static List<?> children(Map<String, Object> node) {
        return node.get("childNodes") instanceof List<?> l ? l : List.of();
    }
}
