"""Layer 2: domain records (pydantic, frozen, unknown fields forbidden).

Records cross boundaries (files, JSON, other tools): each is a frozen pydantic model that rejects
unknown fields and raises [`RecordError`][antq_domain.RecordError] listing every problem. The
indicator catalogue and the register of places live here too, as data.
"""

from antq_domain.records._base import Record
from antq_domain.records.activities import Campaign, CampaignTheme
from antq_domain.records.commendations import (
    Authority,
    Commendation,
    CommendationForm,
    CommendationStatus,
    RecipientKind,
)
from antq_domain.records.crosswalk import CodeMapping, Crosswalk
from antq_domain.records.forces import ForceStrength, ForceType, LegalStatus
from antq_domain.records.indicators import (
    Catalogue,
    Dimension,
    DimensionValue,
    Indicator,
    IndicatorDirection,
    IndicatorKind,
    PlaceAggregation,
    RatioSpec,
    TimeAggregation,
    catalogue,
)
from antq_domain.records.models import (
    ExemplaryModel,
    ModelOwner,
    ModelStatus,
    Replication,
    ReplicationScope,
    Review,
    ReviewKind,
)
from antq_domain.records.narrative import Direction, Limitation
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.organisations import (
    AdminLevel,
    AgencyKind,
    AgencyRef,
    CommitteeDocument,
    Member,
    Organisation,
    Post,
    SteeringCommittee,
    Tenure,
)
from antq_domain.records.places import (
    FormerName,
    Place,
    PlaceKind,
    PlaceLevel,
    Registry,
    dump_registry,
    load_registry,
    registry,
)
from antq_domain.records.programmes import (
    CooperationProgramme,
    JointActivity,
    JointActivityKind,
    ProgrammeReview,
)
from antq_domain.records.report import MovementReport, Publication, RecordGroup

__all__ = [
    "Record",
    # the report
    "MovementReport",
    "Publication",
    "RecordGroup",
    "Limitation",
    "Direction",
    # figures and the catalogue
    "Observation",
    "Dims",
    "Catalogue",
    "Indicator",
    "IndicatorKind",
    "IndicatorDirection",
    "TimeAggregation",
    "PlaceAggregation",
    "Dimension",
    "DimensionValue",
    "RatioSpec",
    "catalogue",
    "CodeMapping",
    "Crosswalk",
    # places
    "FormerName",
    "Place",
    "PlaceKind",
    "PlaceLevel",
    "Registry",
    "registry",
    "load_registry",
    "dump_registry",
    # organisations and committees
    "AdminLevel",
    "AgencyKind",
    "AgencyRef",
    "Organisation",
    "SteeringCommittee",
    "Member",
    "Post",
    "Tenure",
    "CommitteeDocument",
    # campaigns
    "Campaign",
    "CampaignTheme",
    # exemplary models
    "ExemplaryModel",
    "ModelOwner",
    "ModelStatus",
    "Review",
    "ReviewKind",
    "Replication",
    "ReplicationScope",
    # grassroots forces
    "ForceStrength",
    "ForceType",
    "LegalStatus",
    # cooperation programmes
    "CooperationProgramme",
    "ProgrammeReview",
    "JointActivity",
    "JointActivityKind",
    # commendations
    "Commendation",
    "CommendationForm",
    "Authority",
    "RecipientKind",
    "CommendationStatus",
]
