namespace CitySpiritAwards.Domain; public static class Placeholder {}
