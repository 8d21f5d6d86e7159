fn main() {
    plan_compare::start();
}
