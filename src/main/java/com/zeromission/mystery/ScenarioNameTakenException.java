package com.zeromission.mystery;

/** Another scenario has this name: names tell scenarios apart on the page and in the runs list. */
public class ScenarioNameTakenException extends RuntimeException {
    public ScenarioNameTakenException(String name, long existing) {
        super("a scenario named '" + name + "' exists already (id " + existing + ")");
    }
}
