//! Identifiers for new plans and their parts.

/// A new plan id from the current time and a random number: unique enough that plans
/// made in different browsers do not collide when exchanged.
pub fn new_plan_id(millis: i64, random: u32) -> String {
    format!("plan-{millis:x}-{random:08x}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_carry_time_and_randomness() {
        assert_eq!(super::new_plan_id(0x18f, 0xab), "plan-18f-000000ab");
    }
}
