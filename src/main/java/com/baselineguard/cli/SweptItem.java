package com.baselineguard.cli;

import com.baselineguard.model.ResourceId;

/**
 * What {@link ExportSweep} notes of the item being read: the first string {@code id} and {@code type}
 * of the item itself and of its envelope's {@code resource}, enough to tell whether it can be a
 * related item.
 */
final class SweptItem {
    private String id;
    private String type;
    private String resourceId;
    private String resourceType;
    private boolean resourceIsObject;
    private boolean hasId;

    void clear() {
        id = null;
        type = null;
        resourceId = null;
        resourceType = null;
        resourceIsObject = false;
        hasId = false;
    }

    /** The item has a {@code resource} member that is an object: it may be an envelope. */
    void resourceIsObject() {
        resourceIsObject = true;
    }

    /** The item has an {@code id} of its own (of any kind): it is not an envelope. */
    void ownId() {
        hasId = true;
    }

    /** A string {@code id} or {@code type} member of the item ({@code own}) or of its envelope's resource. */
    void note(String name, String text, boolean own) {
        if (own) {
            if (name.equals("id") && id == null) {
                id = text;
            } else if (name.equals("type") && type == null) {
                type = text;
            }
        } else if (name.equals("id") && resourceId == null) {
            resourceId = text;
        } else if (name.equals("type") && resourceType == null) {
            resourceType = text;
        }
    }

    /** The same reading of id and type as {@link ExportReader#classify}, on what was noted. */
    boolean mayBeRelated() {
        boolean envelope = resourceIsObject && !hasId;
        String itemId = envelope ? resourceId : id;
        String itemType = envelope ? resourceType : type;
        if (itemId == null) {
            return false;
        }
        String typeText = itemType;
        if (typeText == null || typeText.isBlank()) {
            try {
                typeText = ResourceId.parse(itemId).type();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return ExportReader.relatedKind(typeText).isPresent();
    }
}
