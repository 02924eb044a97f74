package org.jsetkey.engine.setkey;

import java.util.List;

import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Priority;

/** The text after {@code -P} as read; {@code actionToken} is where refusals of the action point. */
record PolicyPart(Direction direction, Priority priority, PolicyAction action, Token actionToken,
                  List<PolicyRule> rules) {
}
