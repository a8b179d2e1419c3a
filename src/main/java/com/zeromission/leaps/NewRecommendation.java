package com.zeromission.leaps;

import java.util.List;

import com.zeromission.privacy.FreeText;

/**
 * A recommendation for the deliverable: {@code text} becomes the insight's proposed solution, {@code ownerTeam} the
 * team that will carry it out (a known team: the leap disbands, its recommendations must land somewhere), and
 * {@code responsiblePerson} a member of that team, if named. {@code problemIds}: the problems it addresses; null
 * means the leap's own.
 */
public record NewRecommendation(String title, String text, String ownerTeam, String responsiblePerson,
        List<Long> problemIds) {

    public static final int MAX_TITLE = FreeText.Kind.NAME.max();

    public NewRecommendation {
        title = LeapDraft.text("title", title, FreeText.Kind.NAME);
        text = LeapDraft.text("text", text, FreeText.Kind.TEXT);
        ownerTeam = LeapMember.name("ownerTeam", ownerTeam);
        responsiblePerson = responsiblePerson == null || responsiblePerson.isBlank() ? null
                : LeapMember.name("responsiblePerson", responsiblePerson);
        problemIds = problemIds == null ? null : LeapDraft.problems(problemIds);
    }
}
