// CIN census code lists (CIN_schema_2026.xsd, via shared/returns/cin_code_lists_from_xsd.json) and the DfE local
// authority numbers that UPNs carry in characters 2-4.

const list = (codes: string): ReadonlySet<string> => new Set(codes.split(' '))

export const SEX = list('M F U')

export const ETHNICITY = list(
  'WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT',
)

export const DISABILITY = list('NONE MOB HAND PC INC COMM LD HEAR VIS BEH CON AUT DDA')

export const REFERRAL_SOURCE = list('1A 1B 1C 1D 2A 2B 3A 3B 3C 3D 3E 3F 4 5A 5B 5C 5D 6 7 8 9 10')

export const CATEGORY_OF_ABUSE = list('NEG PHY SAB EMO MUL')

export const PRIMARY_NEED = list('N1 N2 N3 N4 N5 N6 N7 N8 N9 N0')

export const REASON_FOR_CLOSURE = list('RC1 RC2 RC3 RC4 RC5 RC6 RC7 RC8 RC9')

export const UPN_UNKNOWN = list('UN1 UN2 UN3 UN4 UN5 UN6 UN7')

export const ASSESSMENT_FACTORS = list(
  '1A 1B 1C 2A 2B 2C 3A 3B 3C 4A 4B 4C 5A 5B 5C 6A 6B 6C 7A 8B 8C 8D 8E 8F 9A 10A 11A 12A 13A 14A 15A 16A 17A ' +
    '18A 18B 18C 19A 19B 19C 20 21 22A 23A 24A',
)

/** RC2: the child died. */
export const CLOSED_CHILD_DIED = 'RC2'
/** RC8, RC9: closed after assessment with no further action, or referred to early help. */
export const CLOSED_AFTER_ASSESSMENT = list('RC8 RC9')
/** Assessment factor 21: no factors identified. */
export const NO_FACTORS_IDENTIFIED = '21'
/** UN7: the referral led to no further action, so no UPN was sought. */
export const UPN_UNKNOWN_NFA = 'UN7'
/** UN1: the child is not of school age and has not yet been given a UPN. */
export const UPN_UNKNOWN_NOT_SCHOOL_AGE = 'UN1'

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i))

/**
 * DfE numbers of English local authorities, current and since-reorganised (a UPN keeps the number of the authority
 * that issued it): London 201-213 and 301-320, metropolitan districts, Isles of Scilly 420, unitary and county
 * councils from 800, including Dorset and BCP (838, 839), the Northamptonshire (940, 941) and Cumbria (942, 943)
 * successors, and the authorities they replaced.
 */
export const LA_NUMBERS: ReadonlySet<string> = new Set([
  ...range(201, 213),
  ...range(301, 320),
  ...range(330, 336),
  ...range(340, 344),
  ...range(350, 359),
  ...range(370, 373),
  ...range(380, 384),
  ...range(390, 394),
  '420',
  ...'800 801 802 803 805 806 807 808 810 811 812 813 815 816 820 821 822 823 825 826 830 831 835 836 837 838 839'.split(' '),
  ...'840 841 845 846 850 851 852 855 856 857 860 861 865 866 867 868 869 870 871 872 873 874 875 876 877 878'.split(' '),
  ...'879 880 881 882 883 884 885 886 887 888 889 890 891 892 893 894 895 896'.split(' '),
  ...'908 909 916 919 921 925 926 928 929 931 933 935 936 937 938 940 941 942 943'.split(' '),
])
