package com.zeromission.web;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396, {@code application/merge-patch+json}) on Jackson trees: a member present replaces the
 * target's, {@code null} removes it, an absent member is kept, and an array is replaced as a whole. The merged tree is
 * then read as the resource's type, so it is checked by the same constructors (and the same typed-text policy) as a
 * whole-resource {@code PUT}; a value that does not fit is an {@link IllegalArgumentException} naming the field, never
 * the value (a body may carry personal data).
 */
public final class MergePatch {

    /** The media type a merge patch must be sent as; anything else is a 415. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** RFC 7396 section 2, on trees; neither argument is changed. */
    public static JsonNode merge(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? target : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonMapper.shared().createObjectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /**
     * Applies a patch to a resource: the resource as JSON, merged with the patch, read back as {@code type}. The patch
     * must be a JSON object (a resource is an object; replacing it whole is what PUT is for).
     */
    public static <T> T apply(JsonMapper mapper, T current, JsonNode patch, Class<T> type) {
        return read(mapper, merge(mapper.valueToTree(current), object(patch)), type);
    }

    /**
     * A merge patch for a resource whose every member is required, read as its change type (whose null parts mean
     * "kept"): a member present replaces, an absent one is kept, and {@code null}, which would remove a member, is
     * refused naming it.
     */
    public static <T> T changes(JsonMapper mapper, JsonNode patch, Class<T> type) {
        for (Map.Entry<String, JsonNode> member : object(patch).properties()) {
            if (member.getValue().isNull()) {
                String name = GenericProblems.fieldLike(member.getKey()) ? member.getKey() : "a member";
                throw new IllegalArgumentException(name + ": cannot be removed (null), it is required; leave it out to keep it");
            }
        }
        return read(mapper, patch, type);
    }

    /** The patch itself, checked to be an object. */
    public static JsonNode object(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new IllegalArgumentException("a merge patch must be a JSON object of the members to change, was "
                    + (patch == null ? "empty" : "a JSON " + patch.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return patch;
    }

    /** Reads a tree as {@code type}; a value a constructor refuses keeps that constructor's message. */
    public static <T> T read(JsonMapper mapper, JsonNode tree, Class<T> type) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
                    throw new IllegalArgumentException(invalid.getMessage(), e);
                }
            }
            throw new IllegalArgumentException(GenericProblems.describe(e), e);
        }
    }
}
