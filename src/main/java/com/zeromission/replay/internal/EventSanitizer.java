package com.zeromission.replay.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.zeromission.privacy.TextMasker;
import com.zeromission.replay.InvalidReplayEventsException;
import com.zeromission.replay.UnmaskedInputException;

/**
 * The server's defence in depth over a batch of rrweb events, before anything is stored. The recorder masks already
 * (every input value as '*', every text outside {@code [data-zm-unmask]}); this does not trust it:
 * <ul>
 * <li>an input value that is not only '*' refuses the whole batch ({@link UnmaskedInputException}): an input event's
 * {@code text} (incremental snapshot, source 5), the {@code value} attribute of an input, textarea or select in a full
 * snapshot or an added node, and a {@code value} attribute change of a node that is not known to be something else
 * (attribute mutations do not say the tag; a node added or snapshotted in the same batch is known);</li>
 * <li>every other string anywhere in an event (text nodes, attribute values, mutation texts and attributes, style
 * sheet rules, custom-event payloads) goes through intake's masker, the same one signals go through;</li>
 * <li>a Meta event's {@code href} loses its query and fragment (where shops put order numbers and e-mail addresses)
 * before it is masked;</li>
 * <li>plugin events (type 6: console and network recording) are dropped: the recorder never sends them, and what they
 * carry (log lines, request bodies) is not for a replay.</li>
 * </ul>
 * Refusals name the event and the place, never the value.
 */
@Component
class EventSanitizer {

    /** rrweb event types. */
    static final int FULL_SNAPSHOT = 2, INCREMENTAL = 3, META = 4, CUSTOM = 5, PLUGIN = 6;
    /** rrweb incremental sources. */
    static final int MUTATION = 0, MOUSE_INTERACTION = 2, INPUT = 5;
    /** rrweb serialized node types. */
    static final int ELEMENT_NODE = 2;

    private static final Set<String> FORM_FIELDS = Set.of("input", "textarea", "select");

    /** The events as they will be stored, how many, and their first and last timestamps (epoch ms). */
    public record Sanitized(ArrayNode events, int count, long firstMillis, long lastMillis) {
    }

    private final TextMasker masker;

    EventSanitizer(TextMasker masker) {
        this.masker = masker;
    }

    /**
     * Checks and masks a batch; the input is changed in place and returned as the result's array (without plugin
     * events).
     *
     * @throws UnmaskedInputException      an input value that is not masked: nothing of the batch may be stored
     * @throws InvalidReplayEventsException not an array of rrweb events
     */
    public Sanitized sanitize(JsonNode events) {
        if (events == null || !events.isArray()) {
            throw new InvalidReplayEventsException("events must be a JSON array of rrweb events");
        }
        var out = JsonNodeFactory.instance.arrayNode(events.size());
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        // node ids this batch says are not form fields (from its snapshots and added nodes), for value attribute changes
        var others = new java.util.HashSet<Long>();
        var fields = new java.util.HashSet<Long>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (event == null || !event.isObject() || !event.path("type").isIntegralNumber()
                    || !event.path("timestamp").isNumber()) {
                throw new InvalidReplayEventsException("events[" + i + "] is not an rrweb event (an object with a "
                        + "numeric type and timestamp)");
            }
            int type = event.path("type").intValue();
            if (type == PLUGIN) {
                continue;
            }
            long at = event.path("timestamp").longValue();
            first = Math.min(first, at);
            last = Math.max(last, at);
            JsonNode data = event.path("data");
            String where = "events[" + i + "]";
            if (type == FULL_SNAPSHOT) {
                checkNode(data.path("node"), where + ".data.node", others, fields);
            } else if (type == INCREMENTAL) {
                int source = data.path("source").asInt(-1);
                if (source == INPUT) {
                    JsonNode text = data.path("text");
                    if (text.isString() && !onlyStars(text.stringValue())) {
                        throw new UnmaskedInputException(where + " (an input event's text)");
                    }
                } else if (source == MUTATION) {
                    JsonNode adds = data.path("adds");
                    for (int a = 0; a < adds.size(); a++) {
                        checkNode(adds.get(a).path("node"), where + ".data.adds[" + a + "].node", others, fields);
                    }
                    JsonNode changes = data.path("attributes");
                    for (int c = 0; c < changes.size(); c++) {
                        JsonNode change = changes.get(c);
                        JsonNode value = change.path("attributes").path("value");
                        long id = change.path("id").asLong(Long.MIN_VALUE);
                        if (value.isString() && !onlyStars(value.stringValue()) && (fields.contains(id) || !others.contains(id))) {
                            throw new UnmaskedInputException(where + ".data.attributes[" + c + "] (a value attribute "
                                    + "change of " + (fields.contains(id) ? "a form field" : "a node of an earlier batch") + ")");
                        }
                    }
                }
            } else if (type == META && event.path("data").isObject()) {
                JsonNode href = data.path("href");
                if (href.isString()) {
                    ((ObjectNode) data).put("href", withoutQuery(href.stringValue()));
                }
            }
            out.add(maskStrings(event));
        }
        if (out.isEmpty()) {
            first = last = 0;
        }
        return new Sanitized(out, out.size(), first, last);
    }

    /** A serialized DOM node and its children: form fields' values must be masked; remembers which ids are which. */
    private void checkNode(JsonNode node, String where, Set<Long> others, Set<Long> fields) {
        // iterative: a deep DOM must not cost a stack overflow
        var stack = new ArrayList<JsonNode>();
        stack.add(node);
        while (!stack.isEmpty()) {
            JsonNode n = stack.removeLast();
            if (n == null || !n.isObject()) {
                continue;
            }
            long id = n.path("id").asLong(Long.MIN_VALUE);
            if (n.path("type").asInt(-1) == ELEMENT_NODE) {
                String tag = n.path("tagName").asString("").toLowerCase(Locale.ROOT);
                if (FORM_FIELDS.contains(tag)) {
                    fields.add(id);
                    JsonNode value = n.path("attributes").path("value");
                    if (value.isString() && !onlyStars(value.stringValue())) {
                        throw new UnmaskedInputException(where + " (the value of a " + tag + ", node " + id + ")");
                    }
                } else {
                    others.add(id);
                }
            } else {
                others.add(id);
            }
            JsonNode children = n.path("childNodes");
            for (int c = 0; c < children.size(); c++) {
                stack.add(children.get(c));
            }
        }
    }

    /** Every string in the tree through the masker, in place (iterative, like {@link #checkNode}). */
    private JsonNode maskStrings(JsonNode root) {
        var stack = new ArrayList<JsonNode>();
        stack.add(root);
        while (!stack.isEmpty()) {
            JsonNode n = stack.removeLast();
            if (n instanceof ObjectNode object) {
                for (String name : new ArrayList<>(object.propertyNames())) {
                    JsonNode child = object.get(name);
                    if (child.isString()) {
                        String masked = mask(child.stringValue());
                        if (!masked.equals(child.stringValue())) {
                            object.put(name, masked);
                        }
                    } else if (child.isContainer()) {
                        stack.add(child);
                    }
                }
            } else if (n instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    JsonNode child = array.get(i);
                    if (child.isString()) {
                        String masked = mask(child.stringValue());
                        if (!masked.equals(child.stringValue())) {
                            array.set(i, JsonNodeFactory.instance.stringNode(masked));
                        }
                    } else if (child.isContainer()) {
                        stack.add(child);
                    }
                }
            }
        }
        return root;
    }

    /**
     * The masker's text, except for what the recorder masked already: most strings of a recording are texts rrweb
     * replaced by '*' (and the spaces between), which hold nothing to find.
     */
    private String mask(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '*' && c != ' ' && c != '\n') {
                return masker.mask(value).text();
            }
        }
        return value;
    }

    /** Only '*' (rrweb's mask character), or nothing: an empty field is no personal data. */
    static boolean onlyStars(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    /** An address without its query and fragment; what is not a URL is cut at the first '?' or '#'. */
    static String withoutQuery(String href) {
        try {
            URI uri = new URI(href);
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
            }
        } catch (URISyntaxException e) {
            // fall through: cut by hand
        }
        int cut = href.length();
        for (char c : new char[] {'?', '#'}) {
            int at = href.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return href.substring(0, cut);
    }
}
