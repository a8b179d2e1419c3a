package com.zeromission.insights;

/** Who exists: the quality gate asks whether an owner team is known and whether the responsible person belongs to it. */
public interface TeamDirectory {

    boolean teamExists(String team);

    boolean isMember(String team, String person);
}
